import { Injectable } from '@nestjs/common';
import type { CapacityReplaceResponse, CapacityRowError } from '@caseload/contracts';
import { readCsvRecords } from '@caseload/domain';
import { AuditService } from '../audit/audit.service.js';
import type { DepartmentScope } from '../analytics/aggregate.service.js';
import { CapacityRejectedException } from './capacity.exception.js';
import { CapacityRepository } from './capacity.repository.js';
import { checkList, csvCells, jsonCells, type CapacityList, type CapacityModel, type ListRow, type RowCells } from './capacity-model-rows.js';

export interface Actor {
  email: string;
  address: string | null;
}

const LIST_NAMES: Readonly<Record<CapacityList, string>> = {
  'resource-types': 'resource types',
  inventories: 'inventories',
  holidays: 'holidays',
  profiles: 'profiles',
};

/** Reads and replaces the lists of the capacity model; every replacement is checked whole and audited. */
@Injectable()
export class CapacityModelService {
  constructor(
    private readonly repository: CapacityRepository,
    private readonly audit: AuditService,
  ) {}

  /** The model as the asking user may see it: inventories and holidays of their departments only. */
  async model(scope: DepartmentScope): Promise<CapacityModel> {
    const model = await this.repository.readModel();
    if (scope === null || scope.length === 0) return model;
    return {
      ...model,
      inventories: model.inventories.filter((inventory) => scope.includes(inventory.department)),
      holidays: model.holidays.filter((holiday) => holiday.department === null || scope.includes(holiday.department)),
    };
  }

  async list<L extends CapacityList>(list: L, scope: DepartmentScope): Promise<ListRow<L>[]> {
    const model = await this.model(scope);
    const lists: { [K in CapacityList]: ListRow<K>[] } = {
      'resource-types': model.resourceTypes,
      inventories: model.inventories,
      holidays: model.holidays,
      profiles: model.profiles,
    };
    return lists[list] as ListRow<L>[];
  }

  /** PUT: the body's rows replace the list. */
  async replaceFromJson(list: CapacityList, body: unknown, actor: Actor): Promise<CapacityReplaceResponse> {
    const cells = jsonCells(body);
    if (!Array.isArray(cells)) throw new CapacityRejectedException(`The ${LIST_NAMES[list]} were not replaced: ${cells.reason}.`, [cells]);
    return this.replace(list, cells, actor, 'edit');
  }

  /** POST …/import: the CSV's rows replace the list. */
  async replaceFromCsv(list: CapacityList, text: string, actor: Actor): Promise<CapacityReplaceResponse> {
    const { rows: records, unclosedQuoteRow } = readCsvRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
    if (unclosedQuoteRow !== null) {
      throw new CapacityRejectedException(`The file was not loaded, and nothing changed: row ${unclosedQuoteRow} opens a quote that never closes.`, [
        { row: unclosedQuoteRow, column: null, reason: 'opens a quote that never closes' },
      ]);
    }
    const cells = csvCells(list, records);
    if (!isCells(cells)) throw new CapacityRejectedException(`The file was not loaded, and nothing changed: ${cells[0]!.reason}.`, cells);
    return this.replace(list, cells, actor, 'import');
  }

  private async replace(list: CapacityList, cells: RowCells[], actor: Actor, how: 'edit' | 'import'): Promise<CapacityReplaceResponse> {
    const outcome = await this.repository.replace<CapacityList, CapacityRowError[]>(list, (model) => {
      const checked = checkList(list, cells, model);
      return checked.rows === null ? { refused: checked.errors as CapacityRowError[] } : { rows: checked.rows };
    });
    if ('refused' in outcome) {
      const errors = outcome.refused;
      const what = how === 'import' ? 'The file was not loaded' : `The ${LIST_NAMES[list]} were not replaced`;
      throw new CapacityRejectedException(`${what}, and nothing changed: ${errors.length === 1 ? 'one problem' : `${errors.length} problems`}, the first ${describe(errors[0]!)}.`, errors);
    }
    await this.audit.record({ action: 'capacity.update', actor: actor.email, address: actor.address, details: { list, how, rows: outcome.rows } });
    return { rows: outcome.rows };
  }
}

function isCells(value: RowCells[] | CapacityRowError[]): value is RowCells[] {
  return value.length === 0 || 'value' in value[0]!;
}

function describe(error: CapacityRowError): string {
  const where = [error.row === null ? null : `row ${error.row}`, error.column === null ? null : `column ${error.column}`].filter((part) => part !== null).join(', ');
  return where === '' ? error.reason : `at ${where}: ${error.reason}`;
}
