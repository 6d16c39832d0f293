import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../session.js';
import { toApiError } from '../failures.js';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract.js';
import type { ApiError } from '../../shared/errors.js';

/** Commands that take no input: the ones worth loading when a page opens. */
type QueryName = { [K in CommandName]: CommandInput<K> extends Record<string, never> ? K : never }[CommandName];

interface Outcome<T> {
  /** Which load this answers; older answers than the current `generation` mean a reload is pending. */
  generation: number;
  data: T | undefined;
  error: ApiError | null;
}

export interface Query<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** Loads a command's result on mount and on `reload()`; the previous data stays visible while reloading. */
export function useQuery<K extends QueryName>(name: K): Query<CommandOutput<K>> {
  const { command } = useSession();
  const [generation, setGeneration] = useState(0);
  const [outcome, setOutcome] = useState<Outcome<CommandOutput<K>> | null>(null);

  useEffect(() => {
    let current = true;
    command(name, {} as CommandInput<K>).then(
      (data) => current && setOutcome({ generation, data, error: null }),
      (thrown: unknown) =>
        current && setOutcome((previous) => ({ generation, data: previous?.data, error: toApiError(thrown) })),
    );
    return () => {
      current = false;
    };
  }, [command, name, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return {
    data: outcome?.data,
    error: outcome?.error ?? null,
    loading: outcome?.generation !== generation,
    reload,
  };
}
