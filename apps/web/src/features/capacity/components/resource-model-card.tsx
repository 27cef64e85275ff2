import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { saveBlob } from '../../../ui/export-download';
import { useSessionUser } from '../../auth/hooks/use-session-user';
import { downloadModelCsv, importModelCsv, MODEL_LISTS, ModelRejectedError } from '../utils/resource-model-api';
import type { ModelList } from '../utils/resource-model-api';

type Outcome = { tone: 'ok'; text: string } | { tone: 'error'; text: string; problems: string[] };

/** Rows of problems shown; the rest are counted. */
const SHOWN_PROBLEMS = 8;

/**
 * The resource model behind the page: each list as a CSV file to download, and for an
 * administrator, replaced from a CSV file. Every capacity figure is worked out again after a change.
 */
export function ResourceModelCard() {
  const id = useId();
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const canEdit = user?.role === 'admin' && user.departments.length === 0;
  const [busy, setBusy] = useState<ModelList | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function download(list: ModelList) {
    setBusy(list);
    setOutcome(null);
    try {
      saveBlob(await downloadModelCsv(list), `capacity-${list}.csv`);
    } catch (error) {
      setOutcome({ tone: 'error', text: `The ${list} could not be downloaded: ${(error as Error).message}`, problems: [] });
    } finally {
      setBusy(null);
    }
  }

  async function upload(list: ModelList, name: string, file: File) {
    setBusy(list);
    setOutcome(null);
    try {
      const answer = await importModelCsv(list, file);
      setOutcome({ tone: 'ok', text: `${name} replaced from ${file.name}: ${answer.rows.toLocaleString('en-US')} rows.` });
      await queryClient.invalidateQueries({ queryKey: ['capacity'] });
    } catch (error) {
      // A refusal says in its own words that nothing changed; other failures get it said.
      if (error instanceof ModelRejectedError) setOutcome({ tone: 'error', text: error.message, problems: error.problems });
      else setOutcome({ tone: 'error', text: `${name} were not changed: ${(error as Error).message}`, problems: [] });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card chart-card capacity-model" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          Resource model
        </h2>
      </header>
      <p className="card-note">
        The lists every capacity figure is worked out from, as CSV files.{' '}
        {canEdit ? 'Replacing a list checks every row first and changes nothing when one is wrong.' : 'An unrestricted administrator can replace them.'}
      </p>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data-table">
          <caption id={`${id}-caption`} className="visually-hidden">
            Lists of the resource model
          </caption>
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody>
            {MODEL_LISTS.map((item) => (
              <tr key={item.list}>
                <th scope="row">
                  {item.name}
                  <span className="capacity-model-holds">{item.holds}</span>
                </th>
                <td>
                  <div className="capacity-model-actions">
                    <button type="button" className="button button-quiet button-small" onClick={() => void download(item.list)} disabled={busy !== null}>
                      Download CSV<span className="visually-hidden"> of the {item.name.toLowerCase()}</span>
                    </button>
                    {canEdit ? (
                      <label className={busy === null ? 'button button-quiet button-small' : 'button button-quiet button-small is-disabled'}>
                        Replace from CSV<span className="visually-hidden"> the {item.name.toLowerCase()}</span>
                        <input
                          type="file"
                          accept=".csv,text/csv"
                          className="visually-hidden"
                          disabled={busy !== null}
                          onChange={(event) => {
                            const file = event.target.files?.[0];
                            event.target.value = '';
                            if (file) void upload(item.list, item.name, file);
                          }}
                        />
                      </label>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="status" className="capacity-model-status">
        {busy !== null ? <p>Working on the {busy}…</p> : null}
        {outcome?.tone === 'ok' ? <p>{outcome.text}</p> : null}
      </div>
      {outcome?.tone === 'error' ? (
        <div role="alert" className="capacity-model-error">
          <p>{outcome.text}</p>
          {outcome.problems.length > 0 ? (
            <ul>
              {outcome.problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
              {outcome.problems.length > SHOWN_PROBLEMS ? <li>and {outcome.problems.length - SHOWN_PROBLEMS} more.</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
