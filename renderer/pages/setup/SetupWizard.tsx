import { Button, Checkbox, DataList, Group, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { api, unwrap } from '../../api.js';
import { notifyFailure } from '../../failures.js';
import { useI18n } from '../../i18n.js';
import { useForm } from '../../hooks/useForm.js';
import { EntryScreen } from '../../components/EntryScreen.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { EMPTY_UNIT, UnitFields, trimUnit, unitProblems } from '../../components/UnitFields.js';
import { PasswordField } from '../../components/PasswordField.js';
import { confirmationProblem, newPasswordProblem, requiredProblem, usernameProblem } from '../../validation.js';
import type { Session } from '../../../shared/contract.js';

const EMPTY_ADMIN = { username: '', displayName: '', password: '', confirmation: '' };
type AdminValues = typeof EMPTY_ADMIN;

function adminProblems(admin: AdminValues) {
  return {
    username: usernameProblem(admin.username),
    displayName: requiredProblem(admin.displayName),
    password: newPasswordProblem(admin.password),
    confirmation: confirmationProblem(admin.password, admin.confirmation),
  };
}

/** First run: the unit's particulars, the first administrator, then a last look before creating both. */
export function SetupWizard({ onComplete }: { onComplete(session: Session): void }) {
  const { t, language, setLanguage } = useI18n();
  const [step, setStep] = useState(0);
  const unit = useForm(EMPTY_UNIT, unitProblems);
  const admin = useForm(EMPTY_ADMIN, adminProblems);
  const confirm = useForm({});
  const [loadDemo, setLoadDemo] = useState(false);

  const next = () => setStep((s) => s + 1);
  const back = () => setStep((s) => s - 1);

  const complete = confirm.onSubmit(async () => {
    const { username, displayName, password } = admin.values;
    const session = await unwrap('setup.complete', {
      unit: trimUnit(unit.values),
      admin: { username: username.trim(), displayName: displayName.trim(), password },
      language,
    });
    if (loadDemo) {
      // The office exists now whatever happens to the demo data, so a failure is reported, not retried here.
      api.setSession(session.sessionId);
      await unwrap('demo.load', { name: 'leizhou-2018' }).catch((thrown: unknown) => notifyFailure(t, thrown));
    }
    onComplete(session);
  });

  return (
    <EntryScreen width={720}>
      <Text c="dimmed" ta="center">
        {t('setup.intro')}
      </Text>
      <Stepper active={step} onStepClick={setStep} allowNextStepsSelect={false}>
        <Stepper.Step label={t('setup.step.unit')} description={t('setup.step.unit_description')}>
          <form onSubmit={unit.onSubmit(next)} data-testid="setup-unit-form">
            <UnitFields field={unit.field} />
            <StepButtons submitLabel={t('common.next')} />
          </form>
        </Stepper.Step>

        <Stepper.Step label={t('setup.step.admin')} description={t('setup.step.admin_description')}>
          <form onSubmit={admin.onSubmit(next)} data-testid="setup-admin-form">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('setup.admin_intro')}
              </Text>
              <TextInput
                label={t('user.field.username')}
                description={t('user.field.username_help')}
                withAsterisk
                maxLength={32}
                autoComplete="username"
                data-testid="setup-username"
                {...admin.field('username')}
              />
              <TextInput
                label={t('user.field.displayName')}
                withAsterisk
                maxLength={40}
                data-testid="setup-display-name"
                {...admin.field('displayName')}
              />
              <PasswordField
                label={t('user.field.password')}
                description={t('user.field.password_help')}
                withAsterisk
                maxLength={128}
                autoComplete="new-password"
                data-testid="setup-password"
                {...admin.field('password')}
              />
              <PasswordField
                label={t('user.field.confirmation')}
                withAsterisk
                maxLength={128}
                autoComplete="new-password"
                data-testid="setup-password-confirm"
                {...admin.field('confirmation')}
              />
            </Stack>
            <StepButtons submitLabel={t('common.next')} onBack={back} />
          </form>
        </Stepper.Step>

        <Stepper.Step label={t('setup.step.confirm')} description={t('setup.step.confirm_description')}>
          <form onSubmit={complete} data-testid="setup-confirm-form">
            <Stack gap="md">
              <DataList withDivider labelWidth={160}>
                <Entry label={t('unit.field.name')}>{unit.values.name}</Entry>
                <Entry label={t('unit.field.code')}>{unit.values.code}</Entry>
                <Entry label={t('unit.field.parentName')}>{unit.values.parentName || t('common.none')}</Entry>
                <Entry label={t('unit.field.websiteName')}>{unit.values.websiteName || t('common.none')}</Entry>
                <Entry label={t('unit.field.websiteUrl')}>{unit.values.websiteUrl || t('common.none')}</Entry>
                <Entry label={t('setup.summary.admin')}>
                  {t('setup.summary.admin_value', { displayName: admin.values.displayName, username: admin.values.username })}
                </Entry>
              </DataList>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('setup.language')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('setup.language_help')}
                </Text>
                <LanguageSwitch value={language} onChange={setLanguage} disabled={confirm.submitting} />
              </Stack>
              <Checkbox
                label={t('setup.demo.label')}
                description={t('setup.demo.help')}
                checked={loadDemo}
                onChange={(event) => setLoadDemo(event.currentTarget.checked)}
                disabled={confirm.submitting}
                data-testid="setup-load-demo"
              />
              {confirm.submitting && loadDemo && (
                <Text size="sm" c="dimmed" data-testid="setup-demo-loading">
                  {t('setup.demo.loading')}
                </Text>
              )}
              <ErrorAlert error={confirm.failure} />
            </Stack>
            <StepButtons submitLabel={t('setup.finish')} onBack={back} busy={confirm.submitting} />
          </form>
        </Stepper.Step>
      </Stepper>
    </EntryScreen>
  );
}

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

interface StepButtonsProps {
  submitLabel: string;
  onBack?(): void;
  busy?: boolean;
}

function StepButtons({ submitLabel, onBack, busy = false }: StepButtonsProps) {
  const { t } = useI18n();
  return (
    <Group justify={onBack ? 'space-between' : 'flex-end'} mt="xl">
      {onBack && (
        <Button variant="default" onClick={onBack} disabled={busy}>
          {t('common.back')}
        </Button>
      )}
      <Button type="submit" loading={busy} data-testid="setup-submit">
        {submitLabel}
      </Button>
    </Group>
  );
}
