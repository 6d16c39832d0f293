import { Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess } from '../../failures.js';
import { readAsBase64 } from '../../files.js';
import { Refusal } from './Refusal.js';
import { DELIVERY_METHODS, REQUEST_CHANNELS, REQUEST_FORMS } from '../../../shared/contract.js';
import { RECEIPT_FACT } from '../../../shared/domain/application-clock.js';
import { APPLICANT_TYPES } from '../../../shared/domain/request-outcomes.js';

type Channel = (typeof REQUEST_CHANNELS)[number];

const EMPTY = {
  channel: 'in_person' as Channel,
  receivedFact: '',
  applicantType: 'natural_person' as (typeof APPLICANT_TYPES)[number],
  name: '',
  idNumber: '',
  phone: '',
  address: '',
  email: '',
  subject: '',
  formWanted: 'paper' as (typeof REQUEST_FORMS)[number],
  deliveryWanted: 'post' as (typeof DELIVERY_METHODS)[number],
};

/** Registering: the day of receipt from the one fact its channel needs (Article 31), the applicant, what is asked. */
export function RegisterForm({ onRegistered }: { onRegistered(id: string): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [files, setFiles] = useState<File[]>([]);
  const form = useForm(EMPTY, (v) => ({
    receivedFact: v.receivedFact ? null : 'validation.required',
    name: v.name.trim() ? null : 'validation.required',
    subject: v.subject.trim() ? null : 'validation.required',
  }));
  const fact = RECEIPT_FACT[form.values.channel];

  const submit = form.onSubmit(async (v) => {
    const attachments = await Promise.all(files.map(async (file) => ({ fileName: file.name, dataBase64: await readAsBase64(file) })));
    const request = await command('requests.register', {
      channel: v.channel,
      receiptFacts: { [fact]: v.receivedFact },
      applicantType: v.applicantType,
      applicant: { name: v.name, idNumber: v.idNumber, phone: v.phone, address: v.address, email: v.email },
      subject: v.subject,
      formWanted: v.formWanted,
      deliveryWanted: v.deliveryWanted,
      attachments,
    });
    notifySuccess(t('requests.registered', { number: request.number }));
    form.reset();
    setFiles([]);
    onRegistered(request.id);
  });

  const select = <K extends 'channel' | 'applicantType' | 'formWanted' | 'deliveryWanted'>(name: K, label: string, options: readonly string[], optionLabel: (o: string) => string, testId: string) => (
    <Select
      label={label}
      data={options.map((o) => ({ value: o, label: optionLabel(o) }))}
      value={form.values[name]}
      onChange={(value) => value && form.setValue(name, value as (typeof EMPTY)[K])}
      allowDeselect={false}
      data-testid={testId}
    />
  );

  return (
    <Paper withBorder p="md" maw={900}>
      <form onSubmit={submit} data-testid="request-register-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {select('channel', t('requests.form.channel'), REQUEST_CHANNELS, (o) => t(`requests.channel.${o as Channel}`), 'request-channel')}
            <TextInput type="date" label={t(`requests.fact.${fact}`)} description={t('requests.form.receipt_help')} data-testid="request-received" {...form.field('receivedFact')} />
            {select('applicantType', t('requests.form.applicant_type'), APPLICANT_TYPES, (o) => t(`requests.applicant_type.${o as (typeof APPLICANT_TYPES)[number]}`), 'request-applicant-type')}
            <TextInput label={t('requests.form.name')} maxLength={100} data-testid="request-name" {...form.field('name')} />
            <TextInput label={t('requests.form.id_number')} maxLength={30} data-testid="request-id-number" {...form.field('idNumber')} />
            <TextInput label={t('requests.form.phone')} maxLength={30} data-testid="request-phone" {...form.field('phone')} />
            <TextInput label={t('requests.form.address')} maxLength={200} data-testid="request-address" {...form.field('address')} />
            <TextInput label={t('requests.form.email')} maxLength={100} data-testid="request-email" {...form.field('email')} />
          </SimpleGrid>
          <Textarea
            label={t('requests.form.subject')}
            autosize
            minRows={3}
            maxLength={2000}
            value={form.values.subject}
            onChange={(event) => form.setValue('subject', event.currentTarget.value)}
            error={form.error('subject')}
            data-testid="request-subject"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {select('formWanted', t('requests.form.form_wanted'), REQUEST_FORMS, (o) => t(`requests.form_wanted.${o as (typeof REQUEST_FORMS)[number]}`), 'request-form-wanted')}
            {select('deliveryWanted', t('requests.form.delivery_wanted'), DELIVERY_METHODS, (o) => t(`requests.delivery.${o as (typeof DELIVERY_METHODS)[number]}`), 'request-delivery-wanted')}
          </SimpleGrid>
          <FileInput
            multiple
            clearable
            label={t('requests.form.attachments')}
            leftSection={<IconPaperclip size={16} />}
            value={files}
            onChange={setFiles}
            data-testid="request-attachments"
          />
          <Refusal error={form.failure} />
          <Group>
            <Button type="submit" leftSection={<IconPlus size={16} />} loading={form.submitting} data-testid="request-register-submit">
              {t('requests.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
