import {
  readArray,
  readBoolean,
  readCode,
  readDate,
  readObject,
  readPerPerson,
  readString,
  readText,
  MalformedAnswerError,
} from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';
import { type VehicleRecord, type VehicleType } from './source-records.types';

/** A GA 24.4 vehicle type code (K33 轿车, H31 轻型普通货车, M22 普通二轮摩托车, …) by its class letter and size digit. */
function vehicleTypeOf(code: string, path: string): VehicleType {
  if (!/^[A-Z]\d{2}$/.test(code)) throw new MalformedAnswerError(path, 'a GA 24.4 vehicle type code');
  const kind = code.charAt(0);
  if (kind === 'K') return code.charAt(1) === '1' || code.charAt(1) === '2' ? 'BUS' : 'CAR';
  if (kind === 'D') return 'BUS';
  if (kind === 'H' || kind === 'Q') return 'TRUCK';
  if (kind === 'M') return 'MOTORCYCLE';
  return 'OTHER';
}

/** 公安 交管 (VEHICLE): `Authorization: Key …`; `{ results: [{ idNo, matched, vehicles: [...] }] }`, YYYY/MM/DD. */
export class VehicleConnector extends HttpSourceConnector<'VEHICLE'> {
  readonly source = 'VEHICLE';
  protected readonly path = '/jiaoguan/api/vehicles/owner-lookup';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return {
      headers: { authorization: `Key ${this.apiKey}` },
      body: { owners: idNumbers.map((idNo) => ({ idNo })) },
    };
  }

  protected readAnswer(answer: unknown, idNumbers: readonly string[]): Map<string, PersonAnswer<'VEHICLE'>> {
    const envelope = readObject(answer, '$');
    return readPerPerson(
      readArray(envelope.results, '$.results'),
      '$.results',
      'idNo',
      idNumbers,
      (result, path) => {
        const matched = readBoolean(result.matched, `${path}.matched`);
        const vehicles = readArray(result.vehicles ?? [], `${path}.vehicles`);
        if (!matched) {
          if (vehicles.length > 0)
            throw new MalformedAnswerError(`${path}.vehicles`, 'no vehicles when not matched');
          return noRecordAnswer('VEHICLE', result);
        }
        const records = vehicles.map((value, index): VehicleRecord => {
          const at = `${path}.vehicles[${index}]`;
          const vehicle = readObject(value, at);
          return {
            plate: readText(vehicle.plateNumber, `${at}.plateNumber`, 20),
            type: vehicleTypeOf(readString(vehicle.vehicleType, `${at}.vehicleType`), `${at}.vehicleType`),
            registeredOn: readDate(vehicle.registrationDate, `${at}.registrationDate`, 'YYYY/MM/DD'),
            disabilityMobility: readCode(vehicle.disabledMobility, `${at}.disabledMobility`, {
              Y: true,
              N: false,
            }),
          };
        });
        return foundAnswer<'VEHICLE'>(records, result);
      },
    );
  }
}
