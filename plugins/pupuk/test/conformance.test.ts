import { describeUnitConformance } from '@kkmp/unit-testing';
import pupuk from '../src/index';

describeUnitConformance(pupuk);
