// The rule catalogue: one import per rule, in the order `orgc rules` lists them.
import type { Rule } from '../rule.js';
import adaptationSignals from './adaptation-signals.js';
import coverage from './coverage.js';
import criticalVacancy from './critical-vacancy.js';
import headcount from './headcount.js';
import kpiCoverage from './kpi-coverage.js';
import kpiDutyFit from './kpi-duty-fit.js';
import layers from './layers.js';
import metricConsistency from './metric-consistency.js';
import orphanDuty from './orphan-duty.js';
import payBand from './pay-band.js';
import personFit from './person-fit.js';
import raciAccountable from './raci-accountable.js';
import raciOverload from './raci-overload.js';
import quotaCapacity from './quota-capacity.js';
import redundantRoles from './redundant-roles.js';
import reportingStructure from './reporting-structure.js';
import roleCut from './role-cut.js';
import roleFit from './role-fit.js';
import roleWithoutDuties from './role-without-duties.js';
import scopedAccountability from './scoped-accountability.js';
import segregationOfDuties from './segregation-of-duties.js';
import serviceLevels from './service-levels.js';
import spanOfControl from './span-of-control.js';
import targetCascade from './target-cascade.js';
import targetOwnership from './target-ownership.js';
import territoryBalance from './territory-balance.js';
import unusedDefinitions from './unused-definitions.js';
import workload from './workload.js';

export const RULES: readonly Rule<any>[] = [
  // Roles follow the work (因事设岗)
  orphanDuty,
  roleWithoutDuties,
  redundantRoles,
  roleCut,
  workload,
  coverage,
  // RACI
  raciAccountable,
  scopedAccountability,
  raciOverload,
  segregationOfDuties,
  // Person–role fit (人岗匹配)
  roleFit,
  personFit,
  // Structure
  reportingStructure,
  spanOfControl,
  layers,
  headcount,
  criticalVacancy,
  // Making it work: KPIs, service levels, targets
  kpiCoverage,
  kpiDutyFit,
  serviceLevels,
  targetCascade,
  metricConsistency,
  targetOwnership,
  quotaCapacity,
  payBand,
  territoryBalance,
  // Keeping it current
  adaptationSignals,
  unusedDefinitions,
];
