import { vehiclesBasis } from '../legal-basis';
import { plural, ALL_PROGRAMMES, trace, type EligibilityRule } from './eligibility-rule';

/** No motor vehicle other than a disability mobility vehicle (《最低生活保障审核审批办法（试行）》第十七条(二)). */
export const vehiclesRule: EligibilityRule = {
  id: 'VEHICLES',
  programmes: ALL_PROGRAMMES,
  evaluate({ household, params, assessment }) {
    const figures = `${plural(assessment.vehicles, 'motor vehicle')} (declared ${assessment.declaredVehicles}, registered ${assessment.verifiedVehicles} excluding disability mobility vehicles); none allowed`;
    return trace(
      'VEHICLES',
      assessment.vehicles === 0 ? 'PASS' : 'FAIL',
      figures,
      vehiclesBasis(household.programme, params),
    );
  },
};
