import { describeUnitConformance } from '@kkmp/unit-testing';
import lpg from '../src/index';

describeUnitConformance(lpg);
