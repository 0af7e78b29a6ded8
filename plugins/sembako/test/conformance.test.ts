import { describeUnitConformance } from '@kkmp/plugin-sdk/testing';
import sembako from '../src/index';

describeUnitConformance(sembako);
