import { describeUnitConformance } from '@kkmp/unit-testing';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { digest, notes } from './fixture-units';

describeUnitConformance(notes as AnyUnit);
describeUnitConformance(digest as AnyUnit, { dependencies: [notes as AnyUnit] });
