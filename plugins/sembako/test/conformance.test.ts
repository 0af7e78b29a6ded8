import { describeUnitConformance } from '@kkmp/unit-testing';
import sembako from '../src/index';

describeUnitConformance(sembako);
