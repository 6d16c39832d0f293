import { ActionIcon, Badge, Box, Code, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip, Typography } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.js';
import { formatShortDateTime } from '../../format.js';
import { AttachmentCells, useAttachmentOpener } from '../../components/AttachmentCells.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import type { Edition } from '../../../shared/contract.js';
import type { Translate } from '../../../shared/i18n/index.js';

interface ContentPaneProps {
  edition: Edition;
  categoryName: string;
}

/** What the reviewer reads: the edition as it stands, read-only, exactly what a sign-off will cover. */
export function ContentPane({ edition, categoryName }: ContentPaneProps) {
  const { t, language } = useI18n();
  return (
    <Stack gap="md" data-testid="review-content">
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {t('review.content_title')}
        </Text>
        <Title order={3} data-testid="review-title" style={{ wordBreak: 'break-word' }}>
          {edition.title || t('editor.untitled')}
        </Title>
        <Group gap="sm">
          <Box data-testid="review-status" data-status={edition.status}>
            <StatusBadge status={edition.status} />
          </Box>
          <Code fz="sm" data-testid="review-index-number">
            {edition.indexNumber}
          </Code>
          <Badge variant="outline" color="gray">
            {t('editor.edition_number', { number: edition.number })}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('review.author_line', { name: edition.authorName, time: formatShortDateTime(edition.updatedAt, language) })}
          </Text>
        </Group>
      </Stack>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={5}>{t('review.catalogue_summary')}</Title>
          <CatalogueSummary edition={edition} categoryName={categoryName} t={t} />
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={5}>{t('editor.body')}</Title>
          {edition.bodyHtml.trim() ? (
            <Typography className="gk-body">
              {/* Sanitised to an allowlist in the main process on every save (electron/core/html-sanitizer.ts), as the editor shows it. */}
              <div data-testid="review-body" dangerouslySetInnerHTML={{ __html: edition.bodyHtml }} />
            </Typography>
          ) : (
            <Text size="sm" c="dimmed" data-testid="review-body">
              {t('review.body_empty')}
            </Text>
          )}
        </Stack>
      </Paper>

      <Attachments edition={edition} />
    </Stack>
  );
}

function Field({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Stack gap={0} style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

function CatalogueSummary({ edition, categoryName, t }: { edition: Edition; categoryName: string; t: Translate }) {
  const none = t('common.none');
  const or = (value: string | null) => (value && value.trim() ? value : none);
  const withheld = edition.disclosure !== 'proactive';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs" data-testid="review-catalogue">
      <Field label={t('catalogue.field.summary')} wide>
        {or(edition.summary)}
      </Field>
      <Field label={t('catalogue.field.category')}>{categoryName}</Field>
      <Field label={t('catalogue.field.topic')}>{or(edition.topic)}</Field>
      <Field label={t('catalogue.field.publisher')}>{or(edition.publisher)}</Field>
      <Field label={t('catalogue.field.draftingUnit')}>{or(edition.draftingUnit)}</Field>
      <Field label={t('catalogue.field.documentNumber')}>{or(edition.documentNumber)}</Field>
      <Field label={t('catalogue.field.writtenDate')}>{or(edition.writtenDate)}</Field>
      <Field label={t('catalogue.field.publishDate')}>{or(edition.publishDate)}</Field>
      {edition.publishDateReason && <Field label={t('catalogue.field.publishDateReason')}>{edition.publishDateReason}</Field>}
      <Field label={t('catalogue.field.disclosure')}>
        {t(`catalogue.disclosure.${edition.disclosure}`)}
        {withheld && edition.disclosureArticle ? `${t('common.list_separator')}${t(`catalogue.article.${edition.disclosureArticle}`)}` : ''}
      </Field>
      {withheld && <Field label={t('catalogue.field.disclosureReason')}>{or(edition.disclosureReason)}</Field>}
      <Field label={t('catalogue.field.validity')}>
        {t(`catalogue.validity.${edition.validity}`)}
        {edition.repealedDate ? `${t('common.list_separator')}${edition.repealedDate}` : ''}
      </Field>
      <Field label={t('catalogue.field.normative')}>{t(edition.normative ? 'common.yes' : 'common.no')}</Field>
      <Field label={t('catalogue.field.sourceLevel')}>{t(`catalogue.source_level.${edition.sourceLevel}`)}</Field>
      <Field label={t('catalogue.field.keywords')}>{or(edition.keywords)}</Field>
      {edition.coIssuers.length > 0 && (
        <Field label={t('catalogue.field.coIssuers')}>{edition.coIssuers.join(t('submit.title_separator'))}</Field>
      )}
      {edition.leadUnit && <Field label={t('catalogue.field.leadUnit')}>{edition.leadUnit}</Field>}
      {edition.interpretationForm && <Field label={t('catalogue.field.interpretationForm')}>{edition.interpretationForm}</Field>}
      {edition.interviewDate && <Field label={t('catalogue.field.interviewDate')}>{edition.interviewDate}</Field>}
      {edition.interviewGuests && <Field label={t('catalogue.field.interviewGuests')}>{edition.interviewGuests}</Field>}
      {edition.interviewTopic && <Field label={t('catalogue.field.interviewTopic')}>{edition.interviewTopic}</Field>}
    </SimpleGrid>
  );
}

function Attachments({ edition }: { edition: Edition }) {
  const { t } = useI18n();
  const { busyId, open: download } = useAttachmentOpener();

  return (
    <Paper withBorder p="md" data-testid="review-attachments">
      <Stack gap="sm">
        <Title order={5}>{t('attachments.title', { count: edition.attachments.length })}</Title>
        {edition.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('attachments.none')}
          </Text>
        ) : (
          <Table verticalSpacing={6}>
            <Table.Tbody>
              {edition.attachments.map((attachment) => (
                <Table.Tr key={attachment.id} data-testid="review-attachment" data-name={attachment.name}>
                  <AttachmentCells attachment={attachment} sizeWidth={100} />
                  <Table.Td w={50}>
                    <Tooltip label={t('attachments.download')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('attachments.download')}
                        onClick={() => void download(attachment.id)}
                        loading={busyId === attachment.id}
                        data-testid="review-attachment-download"
                      >
                        <IconDownload size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
