import { Center, Loader } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '../../hooks/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReviewQueue, type QueueTab } from './ReviewQueue.js';
import { ReviewWorkspace } from './ReviewWorkspace.js';

/**
 * The review area: the queue of submitted editions and, when one is opened, its review
 * workspace. The queue's tab and page live here so that going back lands where the reviewer was.
 */
export function ReviewPage() {
  const categories = useQuery('categories.list');
  const [tab, setTab] = useState<QueueTab>('pending');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);

  if (!categories.data) {
    return categories.error ? (
      <ErrorAlert error={categories.error} />
    ) : (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (open) return <ReviewWorkspace key={open} editionId={open} categories={categories.data} onBack={() => setOpen(null)} />;
  return (
    <ReviewQueue
      tab={tab}
      onTabChange={(next) => {
        setTab(next);
        setPage(1);
      }}
      page={page}
      onPageChange={setPage}
      categories={categories.data}
      onOpen={setOpen}
    />
  );
}
