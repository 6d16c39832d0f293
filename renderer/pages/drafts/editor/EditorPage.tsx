import { Alert, Badge, Button, Center, Code, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconCalendarDue, IconDeviceFloppy, IconLock, IconSend, IconVersions } from '@tabler/icons-react';
import { useEditor, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiFailure, unwrap } from '../../../api.js';
import { isMessageKey, useI18n } from '../../../i18n.js';
import { useSession } from '../../../session.js';
import { useWorkspace, type EditorTarget, type InterpretTarget } from '../../../workspace.js';
import { notifyFailure, notifySuccess, toApiError } from '../../../failures.js';
import { formatShortDateTime } from '../../../format.js';
import {
  emptyFields,
  fieldsOf,
  INTERPRETATION_CATEGORY,
  interpretationTemplate,
  todayInShanghai,
  type DraftContent,
  type PendingLink,
} from '../../../catalogue.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { WebsiteLink } from '../../publishing/WebsiteLink.js';
import { isValidDate } from '../../../../shared/domain/working-days.js';
import { BODY_EXTENSIONS, BodyEditor } from './BodyEditor.js';
import { CatalogueForm, formFields } from './CatalogueForm.js';
import { AttachmentsPanel } from './AttachmentsPanel.js';
import { HistoryPanel, type History } from './HistoryPanel.js';
import { fieldProblems, type FieldName } from './problems.js';
import { InterpretationDueNotice, LinkedDocumentsPanel, LinkedInterpretationsPanel } from './LinksPanel.js';
import { SubmitDialog, SubmitPanel, togetherTitles, useSubmitCheck } from './SubmitPanel.js';
import { ChangeNotePanel } from './ChangeNotePanel.js';
import type { CatalogueFields } from '../../../../shared/domain/catalogue.js';
import type { Category, CommandOutput, Edition } from '../../../../shared/contract.js';
import type { ApiError } from '../../../../shared/errors.js';
import type { MessageKey, Translate } from '../../../../shared/i18n/index.js';

/** Unsaved work is kept this often while the officer types. */
const AUTOSAVE_MS = 3000;
/** Article 26 of the Regulations: 20 working days from the date of issue. */
const DUE_WORKDAYS = 20;
const DONE_STATUSES = ['published', 'withdrawn', 'superseded'];
/** The sticky action bar sits under the app header; the body's toolbar sticks under both. */
const HEADER_HEIGHT = 56;
const ACTION_BAR_HEIGHT = 60;

export type CatalogueSettings = CommandOutput<'catalogue.settings'>;
export type InterpretationSettings = CommandOutput<'interpretations.settings'>;

interface EditorPageProps {
  target: EditorTarget;
  categories: Category[];
  settings: CatalogueSettings;
  interpretationSettings: InterpretationSettings;
}

interface Loaded {
  edition: Edition | null;
  error: ApiError | null;
}

/** Loads the edition to edit (a new item needs nothing), then shows the editor. */
export function EditorPage({ target, categories, settings, interpretationSettings }: EditorPageProps) {
  const { t } = useI18n();
  const { command, unit } = useSession();
  const editionId = target.kind === 'edition' ? target.editionId : null;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!editionId) return;
    let current = true;
    command('items.edition', { editionId }).then(
      (edition) => current && setLoaded({ edition, error: null }),
      (thrown: unknown) => current && setLoaded({ edition: null, error: toApiError(thrown) }),
    );
    return () => {
      current = false;
    };
  }, [command, editionId]);

  if (target.kind === 'new') {
    const initial = target.restored ?? newContent(t, target.categoryId, unit, target.interpret);
    return (
      <DraftEditor
        edition={null}
        initial={initial}
        restored={!!target.restored}
        categories={categories}
        settings={settings}
        interpretationSettings={interpretationSettings}
      />
    );
  }
  if (!loaded) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (!loaded.edition) return <LoadFailed error={loaded.error} />;
  const { edition } = loaded;
  const restorable = !!target.restored && edition.status === 'draft';
  const initial: DraftContent =
    restorable && target.restored ? target.restored : { categoryId: edition.categoryId, fields: fieldsOf(edition), bodyHtml: edition.bodyHtml };
  return (
    <DraftEditor
      edition={edition}
      initial={initial}
      restored={restorable}
      restoreRefused={!!target.restored && !restorable}
      categories={categories}
      settings={settings}
      interpretationSettings={interpretationSettings}
    />
  );
}

/**
 * A new item's starting content. An interpretation starts from a heading per element a good one
 * covers; one started from its document is titled after it, drafted by the unit that drafted the
 * document (whoever drafts a document interprets it), and linked to it at its first save.
 */
function newContent(t: Translate, categoryId: string, unit: Parameters<typeof emptyFields>[0], interpret: InterpretTarget | undefined): DraftContent {
  const fields = emptyFields(unit);
  if (categoryId !== INTERPRETATION_CATEGORY) return { categoryId, fields, bodyHtml: '' };
  if (!interpret) return { categoryId, fields, bodyHtml: interpretationTemplate() };
  return {
    categoryId,
    fields: {
      ...fields,
      title: interpret.title ? t('interpretation.default_title', { title: interpret.title }) : '',
      draftingUnit: interpret.draftingUnit || fields.draftingUnit,
    },
    bodyHtml: interpretationTemplate(),
    pendingLinks: [{ itemId: interpret.itemId, title: interpret.title }],
  };
}

function LoadFailed({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  const { closeEditor } = useWorkspace();
  return (
    <Stack gap="md" maw={560}>
      <ErrorAlert error={error} />
      <Group>
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={closeEditor}>
          {t('editor.back')}
        </Button>
      </Group>
    </Stack>
  );
}

interface DraftEditorProps {
  /** The saved edition; null for an item not saved yet. */
  edition: Edition | null;
  initial: DraftContent;
  /** The initial content came from autosave and differs from what is saved. */
  restored: boolean;
  /** Autosaved content was offered for an edition that can no longer be changed. */
  restoreRefused?: boolean;
  categories: Category[];
  settings: CatalogueSettings;
  interpretationSettings: InterpretationSettings;
}

/** What the autosave timer and the unmount flush need, as of the latest render. */
interface Latest {
  version: number;
  editionId: string;
  categoryId: string;
  fields: CatalogueFields;
  pendingLinks: PendingLink[];
  dirty: boolean;
  canEdit: boolean;
  editor: Editor | null;
}

interface Autosave {
  timer: number | null;
  /** Puts run one after another; a save waits for the last one so it cannot resurrect what the save cleared. */
  pending: Promise<void>;
  /** The officer chose to leave without saving: nothing more is kept. */
  abandoned: boolean;
}

function DraftEditor({ edition: initialEdition, initial, restored, restoreRefused = false, categories, settings, interpretationSettings }: DraftEditorProps) {
  const { t } = useI18n();
  const { user, command } = useSession();
  const { closeEditor, openEditor } = useWorkspace();
  const [edition, setEdition] = useState<Edition | null>(initialEdition);
  const [categoryId, setCategoryId] = useState(initial.categoryId);
  const [fields, setFields] = useState<CatalogueFields>(initial.fields);
  const [version, setVersion] = useState(restored ? 1 : 0);
  const [savedVersion, setSavedVersion] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [saveTried, setSaveTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [autosavedAt, setAutosavedAt] = useState<string | null>(null);
  /** Unsaved changes and the officer is leaving: where to, once they choose. */
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const [history, setHistory] = useState<History | null>(null);
  const [creatingEdition, setCreatingEdition] = useState(false);
  const [pendingLinks, setPendingLinks] = useState<PendingLink[]>(initial.pendingLinks ?? []);
  const [creatingInterpretation, setCreatingInterpretation] = useState(false);
  const [checkGeneration, setCheckGeneration] = useState(0);
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);

  const isOfficer = user.roles.includes('officer');
  const canEdit = isOfficer && (edition === null || edition.status === 'draft');
  const dirty = version !== savedVersion;
  const today = todayInShanghai();

  const bodyEditor = useEditor({
    extensions: BODY_EXTENSIONS,
    content: initial.bodyHtml,
    editable: canEdit,
    shouldRerenderOnTransaction: false,
    onUpdate: () => setVersion((v) => v + 1),
  });
  useEffect(() => {
    bodyEditor?.setEditable(canEdit, false);
  }, [bodyEditor, canEdit]);

  const latest = useRef<Latest>({ version, editionId: '', categoryId, fields, pendingLinks, dirty, canEdit, editor: bodyEditor });
  useEffect(() => {
    latest.current = { version, editionId: edition?.id ?? '', categoryId, fields, pendingLinks, dirty, canEdit, editor: bodyEditor };
  });
  const autosave = useRef<Autosave>({ timer: null, pending: Promise.resolve(), abandoned: false });

  const putAutosave = useCallback((): Promise<void> => {
    const state = autosave.current;
    const { editionId, dirty: unsaved, canEdit: editable } = latest.current;
    if (!unsaved || !editable || state.abandoned) return state.pending;
    const payload = autosavePayload(latest.current);
    state.pending = state.pending
      .then(() => command('autosave.put', { editionId, payload }))
      .then(
        () => setAutosavedAt(new Date().toISOString()),
        () => undefined, // the next change tries again; saving is what counts
      );
    return state.pending;
  }, [command]);

  // At most one autosave every few seconds while changes keep coming, so steady typing is kept too.
  useEffect(() => {
    const state = autosave.current;
    if (!dirty || !canEdit || state.timer !== null) return;
    state.timer = window.setTimeout(() => {
      state.timer = null;
      void putAutosave();
    }, AUTOSAVE_MS);
  }, [version, savedVersion, dirty, canEdit, putAutosave]);

  // Leaving the editor any way at all (another area, the lock screen) keeps what is not saved yet.
  useEffect(() => {
    const state = autosave.current;
    const last = latest;
    return () => {
      if (state.timer !== null) window.clearTimeout(state.timer);
      state.timer = null;
      const { editionId, dirty: unsaved, canEdit: editable } = last.current;
      if (!unsaved || !editable || state.abandoned) return;
      const payload = autosavePayload(last.current);
      // Straight to the API: a session that just locked must not bounce the app to the lock screen twice.
      void state.pending.then(() => unwrap('autosave.put', { editionId, payload })).catch(() => undefined);
    };
  }, []);

  const itemId = edition?.itemId ?? null;
  const updatedAt = edition?.updatedAt;
  useEffect(() => {
    if (!itemId) return;
    let current = true;
    command('items.history', { itemId }).then(
      (list) => current && setHistory(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [command, itemId, updatedAt]);

  function change<K extends FieldName>(name: K, value: CatalogueFields[K]) {
    setFields((previous) => ({ ...previous, [name]: value }));
    setTouched((previous) => (previous.has(name) ? previous : new Set(previous).add(name)));
    setVersion((v) => v + 1);
  }

  function changeCategory(next: string) {
    setCategoryId(next);
    setVersion((v) => v + 1);
    // A new item turned into an interpretation before anything was written starts from the template.
    if (next === INTERPRETATION_CATEGORY && !edition && bodyEditor?.isEmpty) bodyEditor.commands.setContent(interpretationTemplate());
  }

  async function save(): Promise<boolean> {
    if (!canEdit || saving) return false;
    setSaveTried(true);
    setSaving(true);
    const state = autosave.current;
    if (state.timer !== null) window.clearTimeout(state.timer);
    state.timer = null;
    const versionAtSave = version;
    try {
      await state.pending;
      const bodyHtml = bodyEditor?.getHTML() ?? '';
      let saved: Edition;
      if (edition) {
        saved = await command('items.saveDraft', { editionId: edition.id, categoryId, fields, bodyHtml });
      } else {
        saved = await command('items.create', { categoryId, fields, bodyHtml });
        // The backend clears an edition's autosave when it is saved; a new item's we clear ourselves,
        // after any autosave that started while the item was being created.
        await state.pending;
        await command('autosave.discard', { editionId: '' }).catch(() => undefined);
        if (saved.categoryId === INTERPRETATION_CATEGORY) saved = await linkPending(saved);
        setPendingLinks([]);
      }
      setEdition(saved);
      setSavedVersion(versionAtSave);
      setAutosavedAt(null);
      setRefusal(null);
      // Show what was stored (trimmed), unless the officer has typed on meanwhile.
      if (latest.current.version === versionAtSave) {
        setFields(fieldsOf(saved));
        setCategoryId(saved.categoryId);
      }
      notifySuccess(
        saved.problems.length ? t('editor.saved_with_problems', { count: saved.problems.length }) : t('editor.saved', { index: saved.indexNumber }),
      );
      return true;
    } catch (thrown) {
      notifyFailure(t, thrown);
      return false;
    } finally {
      setSaving(false);
    }
  }

  /** A new interpretation's documents, linked now that it exists; one that cannot be is said and skipped. */
  async function linkPending(saved: Edition): Promise<Edition> {
    let current = saved;
    for (const document of pendingLinks) {
      try {
        current = await command('interpretations.link', { interpretationItemId: saved.itemId, documentItemId: document.itemId });
        notifySuccess(t('interpretation.linked', { title: document.title || t('editor.untitled') }));
      } catch (thrown) {
        notifyFailure(t, thrown);
      }
    }
    return current;
  }

  /** A panel changed the stored edition (links, change note): show it and check submission again. */
  function linksChanged(next: Edition) {
    if (edition && next.id === edition.id) setEdition(next);
    else setCheckGeneration((g) => g + 1);
    setRefusal(null);
  }

  /** Leaves for `then` (the list, another item), asking first if there are unsaved changes. */
  function leave(then: () => void, saveLabel: MessageKey = 'editor.leave_save') {
    if (dirty && canEdit) setLeaving({ then, saveLabel });
    else then();
  }

  function openLinked(editionId: string) {
    leave(() => openEditor({ kind: 'edition', editionId }), 'editor.leave_save_open');
  }

  /** A new interpretation of this document, linked to it at its first save. */
  async function createInterpretation() {
    if (!edition) return;
    setCreatingInterpretation(true);
    try {
      if (dirty && canEdit && !(await save())) return;
      const joint = fields.coIssuers.length > 0 && !!fields.leadUnit.trim();
      openEditor({
        kind: 'new',
        categoryId: INTERPRETATION_CATEGORY,
        interpret: { itemId: edition.itemId, title: fields.title.trim(), draftingUnit: (joint ? fields.leadUnit : fields.draftingUnit).trim() },
      });
    } finally {
      setCreatingInterpretation(false);
    }
  }

  /** Submitting for review: saves what is not saved yet, checks once more, then asks for confirmation. */
  async function startSubmit() {
    if (!edition || submitting) return;
    setRefusal(null);
    if (dirty && !(await save())) return;
    setSubmitting(true);
    try {
      const fresh = await command('workflow.checkSubmit', { editionId: edition.id });
      setCheckGeneration((g) => g + 1);
      // The panel lists the reasons as soon as the check above is shown there.
      if (fresh.blocking.length) throw new ApiFailure({ code: 'workflow.refused', params: { count: fresh.blocking.length } });
      setConfirmSubmit(true);
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setSubmitting(false);
    }
  }

  async function submit() {
    if (!edition) return;
    setSubmitting(true);
    try {
      const result = await command('workflow.submit', { editionId: edition.id });
      setConfirmSubmit(false);
      notifySuccess(result.submitted.length > 1 ? t('submit.done_together', { count: result.submitted.length }) : t('submit.done'));
      const reloaded = await command('items.edition', { editionId: edition.id });
      setEdition(reloaded);
      setFields(fieldsOf(reloaded));
      setCategoryId(reloaded.categoryId);
    } catch (thrown) {
      setConfirmSubmit(false);
      const error = toApiError(thrown);
      if (error.code === 'workflow.refused') setRefusal(error);
      else notifyFailure(t, thrown);
      setCheckGeneration((g) => g + 1);
    } finally {
      setSubmitting(false);
    }
  }

  // Ctrl+S saves from anywhere in the editor, inputs and the body included.
  useHotkeys([['mod+S', () => void save()]], [], true);

  async function leaveWithoutSaving() {
    const state = autosave.current;
    state.abandoned = true;
    if (state.timer !== null) window.clearTimeout(state.timer);
    state.timer = null;
    await state.pending;
    await command('autosave.discard', { editionId: edition?.id ?? '' }).catch(() => undefined);
    const then = leaving?.then ?? closeEditor;
    setLeaving(null);
    then();
  }

  async function startNewEdition() {
    if (!edition) return;
    setCreatingEdition(true);
    try {
      const next = await command('items.newEdition', { itemId: edition.itemId });
      notifySuccess(t('editor.new_edition_created', { number: next.number }));
      openEditor({ kind: 'edition', editionId: next.id });
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setCreatingEdition(false);
    }
  }

  const savedFields = useMemo(() => (edition ? fieldsOf(edition) : null), [edition]);
  const problems = fieldProblems(t, {
    fields,
    edition,
    savedFields,
    today,
    topics: settings.topics,
    only: edition || saveTried ? null : touched,
  });
  const isCurrent = !!edition && !!history && history[0]?.id === edition.id;
  const canStartEdition = isOfficer && !!edition && edition.status === 'published' && isCurrent;
  const isInterpretation = categoryId === INTERPRETATION_CATEGORY;
  const interpretationCategory = categories.find((c) => c.id === INTERPRETATION_CATEGORY);
  const submitCheck = useSubmitCheck(isOfficer ? edition : null, checkGeneration);
  const together = togetherTitles(submitCheck.check, edition, t('editor.untitled'));
  const canSubmit = isOfficer && !!edition && edition.status === 'draft';
  const submitBlocked = !submitCheck.check || submitCheck.check.blocking.length > 0;

  return (
    <Stack gap="md" pb="xl" data-testid="editor">
      <Group
        justify="space-between"
        wrap="nowrap"
        gap="sm"
        h={ACTION_BAR_HEIGHT}
        style={{
          position: 'sticky',
          top: HEADER_HEIGHT,
          zIndex: 5,
          background: 'var(--mantine-color-body)',
          borderBottom: '1px solid var(--mantine-color-default-border)',
        }}
      >
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Button
            variant="subtle"
            leftSection={<IconArrowLeft size={16} />}
            onClick={() => leave(closeEditor)}
            data-testid="editor-back"
          >
            {t('editor.back')}
          </Button>
          <Title order={3} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} miw={0}>
            {edition ? fields.title || t('editor.untitled') : t('editor.new_title')}
          </Title>
          {edition && <StatusBadge status={edition.status} size="md" testId="editor-status" />}
          {edition && <WebsiteLink itemId={edition.itemId} />}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <SaveState isNew={!edition} dirty={dirty} canEdit={canEdit} saving={saving} autosavedAt={autosavedAt} />
          {canStartEdition && (
            <Button
              variant="default"
              leftSection={<IconVersions size={16} />}
              onClick={() => void startNewEdition()}
              loading={creatingEdition}
              data-testid="new-edition"
            >
              {t('editor.new_edition')}
            </Button>
          )}
          {canEdit && (
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => void save()}
              loading={saving}
              title={t('editor.save_shortcut')}
              data-testid="save-draft"
            >
              {t('editor.save')}
            </Button>
          )}
          {canSubmit && (
            <Button
              color="teal"
              leftSection={<IconSend size={16} />}
              onClick={() => void startSubmit()}
              loading={submitting}
              disabled={submitBlocked || saving}
              data-testid="submit-review"
            >
              {t('submit.button')}
            </Button>
          )}
        </Group>
      </Group>

      {restored && (
        <Alert color="yellow" data-testid="editor-restored">
          {t('editor.restored')}
        </Alert>
      )}
      {restoreRefused && (
        <Alert color="yellow" data-testid="editor-restore-refused">
          {t('editor.restore_refused')}
        </Alert>
      )}
      {!canEdit && <ReadOnlyNotice edition={edition} isOfficer={isOfficer} />}

      <Identity edition={edition} />
      <DueNotice edition={edition} fields={fields} savedFields={savedFields} />
      <InterpretationDueNotice due={edition?.interpretationDue ?? null} workdays={interpretationSettings.dueWorkdays} />

      {edition && edition.number > 1 && <ChangeNotePanel key={edition.id} edition={edition} canEdit={canEdit} onEditionChange={linksChanged} />}

      {canSubmit && (
        <SubmitPanel
          check={submitCheck.check}
          error={submitCheck.error}
          loading={submitCheck.loading}
          together={together}
          dirty={dirty}
          refusal={refusal}
        />
      )}

      {problems.count > 0 && (edition || saveTried) && (
        <Alert color="orange" icon={<IconAlertTriangle />} data-testid="problem-summary">
          {t('editor.problem_summary', { count: problems.count })}
          {problems.elsewhere(formFields(categoryId, fields)).map(({ field, message }, index) => (
            <Text key={index} size="sm" mt={4}>
              {isMessageKey(`catalogue.field.${field}`) ? t(`catalogue.field.${field}` as MessageKey) : field}
              {t('common.label_separator')}
              {message}
            </Text>
          ))}
        </Alert>
      )}

      <CatalogueForm
        fields={fields}
        onChange={change}
        categoryId={categoryId}
        onCategoryChange={changeCategory}
        categories={categories}
        problems={problems}
        readOnly={!canEdit}
        today={today}
        topics={settings.topics}
        interpretationForms={interpretationSettings.forms}
      />

      {(isInterpretation || (edition?.links.documents.length ?? 0) > 0) && (
        <LinkedDocumentsPanel
          edition={edition}
          pending={pendingLinks}
          onPendingChange={(next) => {
            setPendingLinks(next);
            setVersion((v) => v + 1);
          }}
          canEdit={canEdit}
          onEditionChange={linksChanged}
          onOpen={openLinked}
        />
      )}
      {(!isInterpretation || (edition?.links.interpretations.length ?? 0) > 0) && (
        <LinkedInterpretationsPanel
          edition={edition}
          canCreate={isOfficer && !isInterpretation && !!interpretationCategory?.active}
          creating={creatingInterpretation}
          onCreate={() => void createInterpretation()}
          onOpen={openLinked}
          normative={fields.normative}
        />
      )}

      <Stack gap={6}>
        <Text fw={500} size="sm">
          {t('editor.body')}
        </Text>
        <BodyEditor editor={bodyEditor} readOnly={!canEdit} stickyOffset={HEADER_HEIGHT + ACTION_BAR_HEIGHT} />
        {canEdit && (
          <Text size="xs" c="dimmed">
            {t('editor.body_help')}
          </Text>
        )}
      </Stack>

      <AttachmentsPanel edition={edition} canEdit={canEdit} onChange={setEdition} maxMb={settings.maxAttachmentMb} />
      {edition && (
        <HistoryPanel
          history={history}
          editionId={edition.id}
          onOpen={(editionId) => openEditor({ kind: 'edition', editionId })}
          categories={categories}
        />
      )}

      <SubmitDialog
        opened={confirmSubmit}
        onClose={() => setConfirmSubmit(false)}
        onConfirm={() => void submit()}
        submitting={submitting}
        warnings={submitCheck.check?.warnings ?? []}
        together={together}
      />

      <Modal opened={!!leaving} onClose={() => setLeaving(null)} title={t('editor.leave_title')} size="md">
        <Stack gap="md">
          <Text size="sm">{t('editor.leave_message')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setLeaving(null)}>
              {t('editor.leave_stay')}
            </Button>
            <Button variant="light" color="red" onClick={() => void leaveWithoutSaving()} data-testid="editor-leave-discard">
              {t('editor.leave_discard')}
            </Button>
            <Button
              onClick={() => {
                const then = leaving?.then ?? closeEditor;
                setLeaving(null);
                void save().then((ok) => ok && then());
              }}
              data-testid="editor-leave-save"
            >
              {t(leaving?.saveLabel ?? 'editor.leave_save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

interface Leaving {
  then(): void;
  saveLabel: MessageKey;
}

/** What autosave keeps: the editor's content, and a new interpretation's documents to link. */
function autosavePayload({ categoryId, fields, pendingLinks, editionId, editor }: Latest): string {
  const content: DraftContent = { categoryId, fields, bodyHtml: editor?.getHTML() ?? '' };
  if (!editionId && pendingLinks.length) content.pendingLinks = pendingLinks;
  return JSON.stringify(content);
}

interface SaveStateProps {
  isNew: boolean;
  dirty: boolean;
  canEdit: boolean;
  saving: boolean;
  autosavedAt: string | null;
}

function SaveState({ isNew, dirty, canEdit, saving, autosavedAt }: SaveStateProps) {
  const { t, language } = useI18n();
  if (!canEdit) return null;
  let text: string;
  if (saving) text = t('editor.state.saving');
  else if (!dirty) text = t(isNew ? 'editor.state.new' : 'editor.state.saved');
  else if (autosavedAt) text = t('editor.state.autosaved', { time: formatShortDateTime(autosavedAt, language) });
  else text = t('editor.state.unsaved');
  return (
    <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} data-testid="save-state" data-dirty={dirty} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Text>
  );
}

function ReadOnlyNotice({ edition, isOfficer }: { edition: Edition | null; isOfficer: boolean }) {
  const { t } = useI18n();
  return (
    <Alert color="gray" icon={<IconLock />} data-testid="read-only-notice">
      {!isOfficer
        ? t('editor.read_only_role')
        : edition?.status === 'published'
          ? t('editor.read_only_published')
          : t('editor.read_only_status', { status: edition ? t(`status.${edition.status}`) : '' })}
    </Alert>
  );
}

/** Index number and edition number: assigned by the backend at the first save, never edited. */
function Identity({ edition }: { edition: Edition | null }) {
  const { t, language } = useI18n();
  if (!edition) {
    return (
      <Text size="sm" c="dimmed" data-testid="index-number-pending">
        {t('editor.index_number_pending')}
      </Text>
    );
  }
  return (
    <Group gap="lg" data-testid="identity">
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {t('catalogue.field.indexNumber')}
        </Text>
        <Code fz="sm" data-testid="index-number">
          {edition.indexNumber}
        </Code>
      </Group>
      <Badge variant="outline" color="gray">
        {t('editor.edition_number', { number: edition.number })}
      </Badge>
      <Text size="sm" c="dimmed">
        {t('editor.author_line', { name: edition.authorName, time: formatShortDateTime(edition.updatedAt, language) })}
      </Text>
    </Group>
  );
}

interface Due {
  date: string;
  provisional: boolean;
}

/**
 * The statutory due date. The saved edition carries it; while the officer changes the date of issue or
 * the kind of disclosure, it is worked out afresh from the calendar.
 */
function DueNotice({ edition, fields, savedFields }: { edition: Edition | null; fields: CatalogueFields; savedFields: CatalogueFields | null }) {
  const { t } = useI18n();
  const { command } = useSession();
  const asSaved = !!edition && !!savedFields && savedFields.writtenDate === fields.writtenDate && savedFields.disclosure === fields.disclosure;
  const applies =
    fields.disclosure === 'proactive' && !!fields.writtenDate && isValidDate(fields.writtenDate) && !DONE_STATUSES.includes(edition?.status ?? 'draft');
  const [start] = useDebouncedValue(!asSaved && applies ? fields.writtenDate : null, 400);
  const [computed, setComputed] = useState<{ start: string; due: Due } | null>(null);

  useEffect(() => {
    if (!start) return;
    let current = true;
    command('calendar.explain', { start, workdays: DUE_WORKDAYS }).then(
      ({ due, provisional }) => current && setComputed({ start, due: { date: due, provisional } }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [command, start]);

  const due: Due | null = asSaved ? (edition?.due ?? null) : applies && computed && computed.start === fields.writtenDate ? computed.due : null;
  if (!due) return null;
  return (
    <Alert
      color={due.provisional ? 'orange' : 'blue'}
      icon={<IconCalendarDue />}
      p="sm"
      data-testid="due-notice"
      data-due={due.date}
      data-provisional={due.provisional}
    >
      <Text size="sm" fw={600}>
        {t('editor.due', { date: due.date })}
      </Text>
      {due.provisional && <Text size="sm">{t('editor.due_provisional')}</Text>}
      {!asSaved && (
        <Text size="xs" c="dimmed">
          {t('editor.due_unsaved')}
        </Text>
      )}
    </Alert>
  );
}
