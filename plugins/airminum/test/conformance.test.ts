import { describeUnitConformance } from '@kkmp/unit-testing';
import airminum from '../src/index';

describeUnitConformance(airminum);
