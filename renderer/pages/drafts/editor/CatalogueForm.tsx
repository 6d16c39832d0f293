import { Button, Checkbox, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../i18n.js';
import { CategorySelect } from '../../../components/CategorySelect.js';
import { INTERPRETATION_CATEGORY, ONLINE_INTERVIEW_CATEGORY } from '../../../catalogue.js';
import { CATALOGUE_FIELD_NAMES, DISCLOSURE, DISCLOSURE_ARTICLES, SOURCE_LEVELS, VALIDITY, type CatalogueFields } from '../../../../shared/domain/catalogue.js';
import type { Category } from '../../../../shared/contract.js';
import type { FieldName, FieldProblems } from './problems.js';


/** Which of the category-specific sections the form shows: the category's own, and any that holds a value (so nothing is hidden). */
function sections(categoryId: string, fields: CatalogueFields) {
  const interpretation = categoryId === INTERPRETATION_CATEGORY;
  return {
    interpretationForm: interpretation || !!fields.interpretationForm,
    joint: !interpretation || fields.coIssuers.length > 0 || !!fields.leadUnit,
    leadUnit: fields.coIssuers.length > 0 || !!fields.leadUnit,
    interview: categoryId === ONLINE_INTERVIEW_CATEGORY || !!fields.interviewDate || !!fields.interviewGuests || !!fields.interviewTopic,
  };
}

/** The fields the form shows for this category and these values; problems with any other field are listed above it. */
export function formFields(categoryId: string, fields: CatalogueFields): FieldName[] {
  const shown = sections(categoryId, fields);
  // Fields only some categories use; every other catalogue field is always on the form.
  const categorySpecific: Partial<Record<FieldName, boolean>> = {
    interpretationForm: shown.interpretationForm,
    coIssuers: shown.joint,
    leadUnit: shown.leadUnit,
    interviewDate: shown.interview,
    interviewGuests: shown.interview,
    interviewTopic: shown.interview,
  };
  return CATALOGUE_FIELD_NAMES.filter((name) => categorySpecific[name] ?? true);
}

/** Co-issuers are often typed or pasted as one list: split on the enumeration comma and other separators too. */
const CO_ISSUER_SEPARATORS = [',', '\uff0c', '\u3001', ';', '\uff1b'];
const CO_ISSUER_SPLIT = /[,\uff0c\u3001;\uff1b]/;

/** The co-issuers with those typed so far added, each once, blank ones dropped. */
function withUnits(current: readonly string[], typed: readonly string[]): string[] {
  return [...new Set([...current, ...typed].map((unit) => unit.trim()).filter(Boolean))];
}

type TextFieldName =
  | 'title'
  | 'summary'
  | 'publisher'
  | 'draftingUnit'
  | 'publishDateReason'
  | 'documentNumber'
  | 'disclosureReason'
  | 'keywords'
  | 'interviewGuests'
  | 'interviewTopic';

interface CatalogueFormProps {
  fields: CatalogueFields;
  onChange<K extends FieldName>(name: K, value: CatalogueFields[K]): void;
  categoryId: string;
  onCategoryChange(categoryId: string): void;
  categories: Category[];
  problems: FieldProblems;
  readOnly: boolean;
  today: string;
  /** The unit's subject taxonomy. */
  topics: readonly string[];
  /** The forms of interpretation offered. */
  interpretationForms: readonly string[];
}

/** The disclosure catalogue fields of one edition, each with what is wrong with it right beside it. */
export function CatalogueForm({ fields, onChange, categoryId, onCategoryChange, categories, problems, readOnly, today, topics, interpretationForms }: CatalogueFormProps) {
  const { t } = useI18n();
  const [coIssuerInput, setCoIssuerInput] = useState('');
  const mode = { readOnly, variant: readOnly ? 'filled' : 'default' } as const;
  const error = (name: FieldName): ReactNode => {
    const messages = problems.messages(name);
    if (!messages.length) return undefined;
    return (
      <Stack gap={2} component="span" data-testid={`problem-${name}`}>
        {messages.map((message, index) => (
          <span key={index}>{message}</span>
        ))}
      </Stack>
    );
  };
  const text = (name: TextFieldName) => ({
    value: fields[name],
    onChange: (event: { currentTarget: { value: string } }) => onChange(name, event.currentTarget.value),
    error: error(name),
    'data-testid': `field-${name}`,
    ...mode,
  });
  const date = (name: 'writtenDate' | 'publishDate' | 'repealedDate' | 'interviewDate') => ({
    type: 'date',
    value: fields[name] ?? '',
    onChange: (event: { currentTarget: { value: string } }) => onChange(name, event.currentTarget.value || null),
    error: error(name),
    'data-testid': `field-${name}`,
    ...mode,
  });

  const needsReason =
    !!fields.publishDate && (fields.publishDate !== today || !!fields.publishDateReason || problems.messages('publishDateReason').length > 0);
  const showRepealed = fields.validity === 'repealed' || !!fields.repealedDate;
  const suggestion = problems.documentNumber.ok ? null : problems.documentNumber.suggestion;
  const shown = sections(categoryId, fields);
  // A value no longer offered stays visible (and selectable) rather than vanishing.
  const forms = fields.interpretationForm && !interpretationForms.includes(fields.interpretationForm) ? [fields.interpretationForm, ...interpretationForms] : [...interpretationForms];
  const leadUnits = [...new Set([fields.draftingUnit.trim(), ...fields.coIssuers, fields.leadUnit].filter(Boolean))];

  function changeCoIssuers(next: string[]) {
    onChange('coIssuers', next);
    // The lead unit must be one of the issuing units; dropping it from the list unsets it.
    if (fields.leadUnit && !next.includes(fields.leadUnit) && fields.leadUnit !== fields.draftingUnit.trim()) onChange('leadUnit', '');
  }

  return (
    <Stack gap="md" data-testid="catalogue-form">
      <Textarea label={t('catalogue.field.title')} withAsterisk={!readOnly} autosize minRows={1} maxRows={4} maxLength={200} {...text('title')} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
        <CategorySelect
          label={t('catalogue.field.category')}
          categories={categories}
          value={categoryId}
          onChange={(value) => value && onCategoryChange(value)}
          activeOnly
          allowDeselect={false}
          withAsterisk={!readOnly}
          readOnly={readOnly}
          variant={mode.variant}
          data-testid="field-category"
        />
        <Select
          label={t('catalogue.field.topic')}
          description={t('catalogue.field.topic_help')}
          placeholder={readOnly ? undefined : t('catalogue.field.topic_placeholder')}
          // A subject no longer in the list stays visible (and is flagged) rather than vanishing.
          data={fields.topic && !topics.includes(fields.topic) ? [fields.topic, ...topics] : [...topics]}
          value={fields.topic || null}
          onChange={(value) => onChange('topic', value ?? '')}
          searchable
          clearable={!readOnly}
          error={error('topic')}
          data-testid="field-topic"
          {...mode}
        />

        <TextInput label={t('catalogue.field.publisher')} withAsterisk={!readOnly} maxLength={60} {...text('publisher')} />
        <TextInput label={t('catalogue.field.draftingUnit')} maxLength={60} {...text('draftingUnit')} />

        <Stack gap={6}>
          <TextInput
            label={t('catalogue.field.documentNumber')}
            description={t('catalogue.field.documentNumber_help')}
            placeholder={t('catalogue.field.documentNumber_placeholder')}
            maxLength={60}
            {...text('documentNumber')}
          />
          {suggestion && !readOnly && (
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconWand size={14} />}
                onClick={() => onChange('documentNumber', suggestion)}
                data-testid="document-number-fix"
              >
                {t('editor.apply_suggestion', { suggestion })}
              </Button>
            </Group>
          )}
        </Stack>
        <TextInput label={t('catalogue.field.writtenDate')} description={t('catalogue.field.writtenDate_help')} withAsterisk={!readOnly} {...date('writtenDate')} />

        <TextInput label={t('catalogue.field.publishDate')} description={t('catalogue.field.publishDate_help')} {...date('publishDate')} />
        {needsReason ? (
          <Textarea
            label={t('catalogue.field.publishDateReason')}
            description={t('catalogue.field.publishDateReason_help')}
            autosize
            minRows={1}
            maxRows={4}
            maxLength={500}
            {...text('publishDateReason')}
          />
        ) : (
          <div />
        )}
      </SimpleGrid>

      {shown.interpretationForm && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Select
            label={t('catalogue.field.interpretationForm')}
            description={t('catalogue.field.interpretationForm_help')}
            placeholder={readOnly ? undefined : t('catalogue.field.topic_placeholder')}
            data={forms}
            value={fields.interpretationForm || null}
            onChange={(value) => onChange('interpretationForm', value ?? '')}
            clearable={!readOnly}
            error={error('interpretationForm')}
            data-testid="field-interpretationForm"
            {...mode}
          />
        </SimpleGrid>
      )}

      {shown.interview && (
        <Stack gap="md" data-testid="interview-fields">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
            <TextInput label={t('catalogue.field.interviewDate')} {...date('interviewDate')} />
            <TextInput label={t('catalogue.field.interviewTopic')} maxLength={200} {...text('interviewTopic')} />
          </SimpleGrid>
          <Textarea
            label={t('catalogue.field.interviewGuests')}
            description={t('catalogue.field.interviewGuests_help')}
            autosize
            minRows={1}
            maxRows={4}
            maxLength={500}
            {...text('interviewGuests')}
          />
          {!readOnly && (
            <Text size="xs" c="dimmed">
              {t('catalogue.field.interview_body_help')}
            </Text>
          )}
        </Stack>
      )}

      {shown.joint && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md" data-testid="joint-fields">
          <TagsInput
            label={t('catalogue.field.coIssuers')}
            searchValue={coIssuerInput}
            onSearchChange={(typed) => {
              // Text from an input method arrives without key presses, so separators in it split here.
              if (!CO_ISSUER_SPLIT.test(typed)) {
                setCoIssuerInput(typed);
                return;
              }
              const parts = typed.split(CO_ISSUER_SPLIT);
              setCoIssuerInput(parts.pop() ?? '');
              changeCoIssuers(withUnits(fields.coIssuers, parts));
            }}
            description={t('catalogue.field.coIssuers_help')}
            placeholder={readOnly || fields.coIssuers.length ? undefined : t('catalogue.field.coIssuers_placeholder')}
            value={fields.coIssuers}
            onChange={(value) => changeCoIssuers(withUnits([], value))}
            splitChars={CO_ISSUER_SEPARATORS}
            maxTags={20}
            clearable={!readOnly}
            error={error('coIssuers')}
            data-testid="field-coIssuers"
            {...mode}
          />
          {shown.leadUnit ? (
            <Select
              label={t('catalogue.field.leadUnit')}
              description={t('catalogue.field.leadUnit_help')}
              placeholder={readOnly ? undefined : t('catalogue.field.topic_placeholder')}
              withAsterisk={!readOnly && fields.coIssuers.length > 0}
              data={leadUnits}
              value={fields.leadUnit || null}
              onChange={(value) => onChange('leadUnit', value ?? '')}
              clearable={!readOnly}
              error={error('leadUnit')}
              data-testid="field-leadUnit"
              {...mode}
            />
          ) : (
            <div />
          )}
        </SimpleGrid>
      )}

      <Input.Wrapper label={t('catalogue.field.disclosure')} error={error('disclosure')}>
        <div>
          <SegmentedControl
            mt={4}
            data={DISCLOSURE.map((value) => ({ value, label: t(`catalogue.disclosure.${value}`) }))}
            value={fields.disclosure}
            onChange={(value) => onChange('disclosure', value as CatalogueFields['disclosure'])}
            readOnly={readOnly}
            data-testid="field-disclosure"
          />
        </div>
      </Input.Wrapper>
      {fields.disclosure !== 'proactive' && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Select
            label={t('catalogue.field.disclosureArticle')}
            withAsterisk={!readOnly}
            data={DISCLOSURE_ARTICLES.map((article) => ({ value: String(article), label: t(`catalogue.article.${article}`) }))}
            value={fields.disclosureArticle === null ? null : String(fields.disclosureArticle)}
            onChange={(value) => onChange('disclosureArticle', value === null ? null : (Number(value) as 14 | 15 | 16))}
            error={error('disclosureArticle')}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm">{option.label}</Text>
                <Text size="xs" c="dimmed">
                  {t(`catalogue.article.${option.value as '14' | '15' | '16'}_help`)}
                </Text>
              </Stack>
            )}
            data-testid="field-disclosureArticle"
            {...mode}
          />
          <Textarea
            label={t('catalogue.field.disclosureReason')}
            withAsterisk={!readOnly}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            {...text('disclosureReason')}
          />
        </SimpleGrid>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
        <Input.Wrapper label={t('catalogue.field.validity')} error={error('validity')}>
          <div>
            <SegmentedControl
              mt={4}
              data={VALIDITY.map((value) => ({ value, label: t(`catalogue.validity.${value}`) }))}
              value={fields.validity}
              onChange={(value) => onChange('validity', value as CatalogueFields['validity'])}
              readOnly={readOnly}
              data-testid="field-validity"
            />
          </div>
        </Input.Wrapper>
        {showRepealed ? (
          <TextInput label={t('catalogue.field.repealedDate')} withAsterisk={!readOnly && fields.validity === 'repealed'} {...date('repealedDate')} />
        ) : (
          <div />
        )}

        <Select
          label={t('catalogue.field.sourceLevel')}
          data={SOURCE_LEVELS.map((value) => ({ value, label: t(`catalogue.source_level.${value}`) }))}
          value={fields.sourceLevel}
          onChange={(value) => value && onChange('sourceLevel', value as CatalogueFields['sourceLevel'])}
          allowDeselect={false}
          error={error('sourceLevel')}
          data-testid="field-sourceLevel"
          {...mode}
        />
        <TextInput
          label={t('catalogue.field.keywords')}
          description={t('catalogue.field.keywords_help')}
          maxLength={200}
          {...text('keywords')}
        />
      </SimpleGrid>

      <Checkbox
        label={t('catalogue.field.normative')}
        description={t('catalogue.field.normative_help')}
        checked={fields.normative}
        onChange={(event) => !readOnly && onChange('normative', event.currentTarget.checked)}
        disabled={readOnly}
        data-testid="field-normative"
      />

      <Textarea label={t('catalogue.field.summary')} autosize minRows={2} maxRows={8} maxLength={2000} {...text('summary')} />
    </Stack>
  );
}
