import { builder } from '../builder';
import './scalars';
import './errors';
import './enums';
import './me';
import './city';
import './cooperative';
import './member';

export function buildSchema() {
  return builder.toSchema({ sortSchema: true });
}
