import { Anchor, Group, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { formatShortDateTime } from '../../format.js';
import type { CommandOutput } from '../../../shared/contract.js';

type Link = NonNullable<CommandOutput<'publishing.websiteLink'>>;

/** The item's page on the website, once published; nothing before that. */
export function WebsiteLink({ itemId }: { itemId: string }) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const [link, setLink] = useState<Link | null>(null);

  useEffect(() => {
    let current = true;
    command('publishing.websiteLink', { itemId }).then(
      (found) => current && setLink(found),
      () => current && setLink(null),
    );
    return () => {
      current = false;
    };
  }, [command, itemId]);

  if (!link) return null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="website-link-row">
      <Text size="xs" c="dimmed">
        {t('publishing.website_published', { edition: link.edition, at: formatShortDateTime(link.publishedAt, language) })}
      </Text>
      <Anchor href={link.url} target="_blank" rel="noopener noreferrer" size="xs" data-testid="website-link">
        {t('publishing.website_link')} <IconExternalLink size={12} />
      </Anchor>
    </Group>
  );
}
