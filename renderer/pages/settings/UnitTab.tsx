import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess } from '../../failures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { UnitFields, trimUnit, unitProblems } from '../../components/UnitFields.js';
import type { Unit } from '../../../shared/contract.js';

export function UnitTab() {
  const unit = useQuery('unit.get');
  if (!unit.data) {
    return unit.error ? (
      <ErrorAlert error={unit.error} />
    ) : (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return <UnitForm saved={unit.data} />;
}

/** Everyone can read the unit's particulars; only administrators change them. */
function UnitForm({ saved }: { saved: Unit }) {
  const { t } = useI18n();
  const { isAdmin, command, updateUnit } = useSession();
  const form = useForm(saved, unitProblems);

  const save = form.onSubmit(async (values) => {
    const updated = await command('unit.update', trimUnit(values));
    form.reset(updated);
    updateUnit(updated);
    notifySuccess(t('unit.saved'));
  });

  return (
    <form onSubmit={save} data-testid="unit-form">
      <Stack gap="md" maw={560}>
        {!isAdmin && (
          <Text size="sm" c="dimmed">
            {t('unit.read_only')}
          </Text>
        )}
        <UnitFields field={form.field} readOnly={!isAdmin} />
        <ErrorAlert error={form.failure} />
        {isAdmin && (
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
