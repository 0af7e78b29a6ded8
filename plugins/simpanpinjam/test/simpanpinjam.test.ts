import { describeUnitConformance } from '@kkmp/unit-testing';
import unit from '../src/index';

describeUnitConformance(unit);
