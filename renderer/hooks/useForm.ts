import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useI18n } from '../i18n.js';
import { toApiError } from '../failures.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import type { ApiError } from '../../shared/errors.js';

/** Per field, the message key of what is wrong with it, or null when it is fine. */
export type Problems<T> = Partial<Record<keyof T, MessageKey | null>>;

type TextField<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

export interface TextFieldProps {
  value: string;
  onChange(event: ChangeEvent<HTMLInputElement>): void;
  error: string | undefined;
}

/**
 * Form state without a form library: values, client-side problems (kept as keys so they follow a
 * language switch), the backend failure of the last submit, and whether a submit is under way.
 */
export function useForm<T extends Record<string, unknown>>(initial: T, validate: (values: T) => Problems<T> = () => ({})) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems<T>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  function setValue<K extends keyof T>(name: K, value: T[K]): void {
    setValues((previous) => ({ ...previous, [name]: value }));
    setProblems((previous) => ({ ...previous, [name]: null }));
  }

  function error(name: keyof T): string | undefined {
    const problem = problems[name];
    return problem ? t(problem) : undefined;
  }

  /** Props for a Mantine text or password input bound to a string field. */
  function field(name: TextField<T>): TextFieldProps {
    return {
      value: values[name] as string,
      onChange: (event) => setValue(name, event.currentTarget.value as T[typeof name]),
      error: error(name),
    };
  }

  /** A form's onSubmit (so Enter submits): validates, then runs `action`, keeping a thrown backend error in `failure`. */
  function onSubmit(action: (values: T) => Promise<void> | void) {
    return async (event: FormEvent) => {
      event.preventDefault();
      if (submitting) return;
      const found = validate(values);
      setProblems(found);
      if (Object.values(found).some(Boolean)) return;
      setFailure(null);
      setSubmitting(true);
      try {
        await action(values);
      } catch (thrown) {
        setFailure(toApiError(thrown));
      } finally {
        setSubmitting(false);
      }
    };
  }

  /** Back to the initial values, or to `next` (say, what the backend saved). */
  function reset(next: T = initial): void {
    setValues(next);
    setProblems({});
    setFailure(null);
  }

  return { values, setValue, field, error, onSubmit, submitting, failure, reset };
}
