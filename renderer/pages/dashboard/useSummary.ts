import { useEffect, useState } from 'react';
import { useSession } from '../../session.js';
import { toApiError } from '../../failures.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

type Summary = CommandOutput<'dashboard.summary'>;

/** The dashboard's figures for a year (null: this year by the backend's clock); the last figures stay shown while another year loads. */
export function useSummary(year: number | null): { data: Summary | undefined; error: ApiError | null } {
  const { command } = useSession();
  const [state, setState] = useState<{ data: Summary | undefined; error: ApiError | null }>({ data: undefined, error: null });
  useEffect(() => {
    let current = true;
    command('dashboard.summary', year === null ? {} : { year }).then(
      (data) => current && setState({ data, error: null }),
      (thrown: unknown) => current && setState((previous) => ({ data: previous.data, error: toApiError(thrown) })),
    );
    return () => {
      current = false;
    };
  }, [command, year]);
  return state;
}
