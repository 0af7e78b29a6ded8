import { describeUnitConformance } from '@kkmp/plugin-sdk/testing';
import unit from '../src/index';

describeUnitConformance(unit);
