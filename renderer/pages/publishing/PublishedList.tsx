import { Anchor, Button, Checkbox, Group, List, Modal, Radio, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconExternalLink } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { formatShortDateTime } from '../../format.js';
import { passwordEnteredProblem } from '../../validation.js';
import { ListPlaceholder } from '../../components/ListPlaceholder.js';
import { PasswordField } from '../../components/PasswordField.js';
import { Refusal } from './ApprovalQueue.js';
import { MASS_WITHDRAWAL_THRESHOLD, WITHDRAWAL_REASONS, type WithdrawalReason } from '../../../shared/domain/approval-rules.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

type Published = CommandOutput<'publishing.published'>[number];

/** Published: what is live on the website, with its page; approvers select items here to withdraw them. */
export function PublishedList({ refreshed }: { refreshed: number }) {
  const { t, language } = useI18n();
  const { command, user } = useSession();
  const [rows, setRows] = useState<Published[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [withdrawing, setWithdrawing] = useState(false);
  const [tick, setTick] = useState(0);
  const canWithdraw = user.roles.includes('approver');

  useEffect(() => {
    let current = true;
    command('publishing.published', {}).then(
      (found) => {
        if (!current) return;
        setError(null);
        setRows(found);
        // Items no longer live (withdrawn meanwhile) drop out of the selection.
        setSelected((previous) => new Set(found.filter((r) => previous.has(r.editionId)).map((r) => r.editionId)));
      },
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [command, refreshed, tick]);

  if (error || !rows?.length) return <ListPlaceholder error={error} loading={!rows} emptyText={t('publishing.published_empty')} emptyTestId="published-empty" />;
  const toggle = (editionId: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(editionId)) next.delete(editionId);
      else next.add(editionId);
      return next;
    });
  const chosen = rows.filter((r) => selected.has(r.editionId));

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="xs" c="dimmed" data-testid="published-count">
          {t('publishing.published_count', { total: rows.length.toLocaleString(language) })}
        </Text>
        {canWithdraw && (
          <Button color="red" variant="light" leftSection={<IconArrowBackUp size={16} />} disabled={!chosen.length} onClick={() => setWithdrawing(true)} data-testid="published-withdraw">
            {t('publishing.withdraw_selected', { count: chosen.length })}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="published-list">
          <Table.Thead>
            <Table.Tr>
              {canWithdraw && <Table.Th w={40}>{t('publishing.column.select')}</Table.Th>}
              <Table.Th w={210}>{t('catalogue.field.indexNumber')}</Table.Th>
              <Table.Th>{t('publishing.column.title')}</Table.Th>
              <Table.Th w={150}>{t('publishing.column.published_at')}</Table.Th>
              <Table.Th w={110}>{t('publishing.column.link')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.editionId} data-testid="published-row" data-item-id={row.itemId} data-edition-id={row.editionId}>
                {canWithdraw && (
                  <Table.Td>
                    <Checkbox
                      checked={selected.has(row.editionId)}
                      onChange={() => toggle(row.editionId)}
                      aria-label={t('publishing.select_row', { title: row.title })}
                      data-testid="published-select"
                    />
                  </Table.Td>
                )}
                <Table.Td ff="monospace" fz="xs">
                  {row.indexNumber}
                </Table.Td>
                <Table.Td>{row.title}</Table.Td>
                <Table.Td fz="xs">{formatShortDateTime(row.publishedAt, language)}</Table.Td>
                <Table.Td>
                  <Anchor href={row.url} target="_blank" rel="noopener noreferrer" size="sm" data-testid="published-link">
                    {t('publishing.open_link')} <IconExternalLink size={12} />
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {withdrawing && (
        <WithdrawDialog
          items={chosen}
          replacements={rows.filter((r) => !selected.has(r.editionId))}
          onClose={() => setWithdrawing(false)}
          onDone={() => {
            setWithdrawing(false);
            setSelected(new Set());
            setTick((n) => n + 1);
          }}
        />
      )}
    </Stack>
  );
}

interface Problems {
  note: MessageKey | null;
  replacement: MessageKey | null;
  password: MessageKey | null;
  confirmed: MessageKey | null;
}

/**
 * Withdrawal with a typed reason and a note; "superseded" names the published item that replaces it, and
 * more than MASS_WITHDRAWAL_THRESHOLD items at once need an explicit tick (the backend checks both).
 */
function WithdrawDialog({ items, replacements, onClose, onDone }: { items: Published[]; replacements: Published[]; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [reason, setReason] = useState<WithdrawalReason>('published_in_error');
  const [replacedBy, setReplacedBy] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [problems, setProblems] = useState<Problems>({ note: null, replacement: null, password: null, confirmed: null });
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const mass = items.length > MASS_WITHDRAWAL_THRESHOLD;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const found: Problems = {
      note: note.trim() ? null : 'publishing.withdraw_note_required',
      replacement: reason === 'superseded' && !replacedBy ? 'publishing.withdraw_replacement_required' : null,
      password: passwordEnteredProblem(password),
      confirmed: mass && !confirmed ? 'publishing.withdraw_mass_required' : null,
    };
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    setFailure(null);
    setSubmitting(true);
    try {
      const { queued } = await command('publishing.withdraw', {
        editionIds: items.map((i) => i.editionId),
        reason,
        replacedByItemId: reason === 'superseded' ? replacedBy : null,
        note: note.trim(),
        password,
        confirmed,
      });
      notifySuccess(t('publishing.withdrawn', { count: queued.length }));
      onDone();
    } catch (thrown) {
      setFailure(toApiError(thrown));
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('publishing.withdraw_title')} size="lg" data-testid="withdraw-dialog">
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Text size="sm">{t('publishing.withdraw_intro', { count: items.length })}</Text>
          <List size="sm" spacing={2} data-testid="withdraw-items">
            {items.map((i) => (
              <List.Item key={i.editionId}>{i.title}</List.Item>
            ))}
          </List>
          <Radio.Group label={t('publishing.withdraw_reason')} value={reason} onChange={(value) => setReason(value as WithdrawalReason)} data-testid="withdraw-reason">
            <Stack gap={6} mt={6}>
              {WITHDRAWAL_REASONS.map((r) => (
                <Radio key={r} value={r} label={t(`publishing.withdraw_reason.${r}`)} data-testid={`withdraw-reason-${r}`} />
              ))}
            </Stack>
          </Radio.Group>
          {reason === 'superseded' && (
            <Select
              label={t('publishing.withdraw_replaced_by')}
              description={t('publishing.withdraw_replaced_by_help')}
              data={replacements.map((r) => ({ value: r.itemId, label: `${r.title} (${r.indexNumber})` }))}
              value={replacedBy}
              onChange={(value) => {
                setReplacedBy(value);
                setProblems((p) => ({ ...p, replacement: null }));
              }}
              searchable
              error={problems.replacement ? t(problems.replacement) : undefined}
              data-testid="withdraw-replaced-by"
            />
          )}
          <Textarea
            label={t('publishing.withdraw_note')}
            description={t('publishing.withdraw_note_help')}
            value={note}
            maxLength={500}
            autosize
            minRows={2}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setProblems((p) => ({ ...p, note: null }));
            }}
            error={problems.note ? t(problems.note) : undefined}
            data-testid="withdraw-note"
          />
          {mass && (
            <Checkbox
              label={t('publishing.withdraw_mass_confirm', { count: items.length, threshold: MASS_WITHDRAWAL_THRESHOLD })}
              checked={confirmed}
              onChange={(event) => {
                setConfirmed(event.currentTarget.checked);
                setProblems((p) => ({ ...p, confirmed: null }));
              }}
              error={problems.confirmed ? t(problems.confirmed, { threshold: MASS_WITHDRAWAL_THRESHOLD }) : undefined}
              data-testid="withdraw-confirm"
            />
          )}
          <PasswordField
            label={t('publishing.approve_password')}
            description={t('publishing.withdraw_password_help')}
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setProblems((p) => ({ ...p, password: null }));
            }}
            error={problems.password ? t(problems.password) : undefined}
            autoComplete="current-password"
            data-testid="withdraw-password"
          />
          {failure && <Refusal error={failure} testId="withdraw" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="withdraw-cancel">
              {t('publishing.withdraw_cancel')}
            </Button>
            <Button type="submit" color="red" loading={submitting} data-testid="withdraw-submit">
              {t('publishing.withdraw_submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
