import { createApi as createHostApi, type ApiOptions } from '@kkmp/host';
import { installedUnits } from './units.config';

/** The API of this deployment: the host with the installed units. */
export function createApi(options: Omit<ApiOptions, 'units'>) {
  return createHostApi({ ...options, units: installedUnits });
}
