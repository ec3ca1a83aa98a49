import { DEPARTMENT_KEYS } from '../department-keys';
import {
  headerOf,
  idsOfObjects,
  listAt,
  nonEmpty,
  type Department,
  type PersonRecord,
} from '../department.types';
import { dateBetween, slashDate } from '../formatting';
import { HashStream } from '../hash-stream';
import { type VehicleType } from '../person-profile.types';

/** Vehicle type codes of GA 24.4 (机动车类型). */
const TYPE_CODES: Readonly<Record<VehicleType, string>> = {
  CAR: 'K33',
  BUS: 'K11',
  TRUCK: 'H31',
  MOTORCYCLE: 'M22',
  OTHER: 'X99',
};

function result({ idNumber, profile }: PersonRecord): Record<string, unknown> {
  if (!nonEmpty(profile.vehicles)) return { idNo: idNumber, matched: false, vehicles: [] };
  return {
    idNo: idNumber,
    matched: true,
    vehicles: profile.vehicles.map((vehicle) => ({
      plateNumber: vehicle.plate,
      vehicleType: TYPE_CODES[vehicle.type],
      registrationDate: slashDate(
        vehicle.registeredOn ?? dateBetween('2010-01-01', '2025-12-31', HashStream.of(vehicle.plate).next()),
      ),
      disabledMobility: vehicle.disabilityMobility ? 'Y' : 'N',
    })),
  };
}

/** 公安 交管: `Authorization: Key …`, camelCase, `{ results: [...] }`, dates as YYYY/MM/DD. */
export const vehicleDepartment: Department = {
  code: 'VEHICLE',
  maxBatch: 100,
  path: '/jiaoguan/api/vehicles/owner-lookup',
  idNumbersOf: (call) => idsOfObjects(listAt(call.body, 'owners'), 'idNo'),
  authorised: (call) => headerOf(call, 'authorization') === `Key ${DEPARTMENT_KEYS.VEHICLE}`,
  answer: (persons) => ({ results: persons.map(result) }),
  errorBody: (status) => ({
    error: status === 401 ? 'unauthorized' : status === 400 ? 'bad_request' : 'unavailable',
  }),
  malformed: (persons) => JSON.stringify({ results: persons.map(result) }).slice(0, 25),
};
