import { describeUnitConformance } from '@kkmp/unit-testing';
import kolamretensi from '../src/index';

describeUnitConformance(kolamretensi);
