import { useState } from 'react';
import { useI18n } from '../i18n.js';
import { notifyFailure, notifySuccess } from '../failures.js';

/**
 * A save button's action: `saving` while `run` is under way; on success `successMessage` is shown
 * and `onSaved` called, on failure the error is shown and what the user typed stays in the form.
 */
export function useSaveAction(run: () => Promise<unknown>, successMessage: string, onSaved: () => void): { saving: boolean; save(): Promise<void> } {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  async function save() {
    setSaving(true);
    try {
      await run();
      notifySuccess(successMessage);
      onSaved();
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setSaving(false);
    }
  }
  return { saving, save };
}
