import { Stack, TextInput } from '@mantine/core';
import { useI18n } from '../i18n.js';
import { unitCodeProblem, unitNameProblem, websiteUrlProblem } from '../validation.js';
import type { TextFieldProps, Problems } from '../hooks/useForm.js';
import type { Unit } from '../../shared/contract.js';

export const EMPTY_UNIT: Unit = { name: '', code: '', parentName: '', websiteName: '', websiteUrl: '' };

export function unitProblems(unit: Unit): Problems<Unit> {
  return {
    name: unitNameProblem(unit.name),
    code: unitCodeProblem(unit.code),
    websiteUrl: websiteUrlProblem(unit.websiteUrl),
  };
}

/** The contract does not trim the website address, so trim everything before sending. */
export function trimUnit(unit: Unit): Unit {
  return {
    name: unit.name.trim(),
    code: unit.code.trim(),
    parentName: unit.parentName.trim(),
    websiteName: unit.websiteName.trim(),
    websiteUrl: unit.websiteUrl.trim(),
  };
}

interface UnitFieldsProps {
  field(name: keyof Unit): TextFieldProps;
  readOnly?: boolean;
}

/** The unit's particulars, as entered at setup and edited in settings. */
export function UnitFields({ field, readOnly = false }: UnitFieldsProps) {
  const { t } = useI18n();
  const mode = { readOnly, variant: readOnly ? 'filled' : 'default' } as const;
  const required = !readOnly;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('unit.field.name')}
        placeholder={t('unit.field.name_placeholder')}
        withAsterisk={required}
        maxLength={60}
        data-testid="unit-name"
        {...mode}
        {...field('name')}
      />
      <TextInput
        label={t('unit.field.code')}
        description={t('unit.field.code_help')}
        withAsterisk={required}
        maxLength={20}
        data-testid="unit-code"
        {...mode}
        {...field('code')}
      />
      <TextInput label={t('unit.field.parentName')} maxLength={60} data-testid="unit-parentName" {...mode} {...field('parentName')} />
      <TextInput label={t('unit.field.websiteName')} maxLength={60} data-testid="unit-websiteName" {...mode} {...field('websiteName')} />
      <TextInput
        label={t('unit.field.websiteUrl')}
        description={t('unit.field.websiteUrl_help')}
        placeholder="https://"
        maxLength={200}
        data-testid="unit-websiteUrl"
        {...mode}
        {...field('websiteUrl')}
      />
    </Stack>
  );
}
