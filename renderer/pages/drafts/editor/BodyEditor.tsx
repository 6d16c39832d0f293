import { FileButton } from '@mantine/core';
import { RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { IconPhotoPlus, IconTablePlus } from '@tabler/icons-react';
import type { Editor, Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import Image from '@tiptap/extension-image';
import { useMemo, type ComponentProps } from 'react';
import { useI18n } from '../../../i18n.js';
import { notifyFailure } from '../../../failures.js';
import { readAsDataUrl } from '../../../files.js';
import { notifications } from '@mantine/notifications';
import type { Translate } from '../../../../shared/i18n/index.js';

/** The images the backend keeps in a body (it drops every other kind). */
const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';
/** Embedded images travel inside the body; larger ones belong in the attachments. */
const MAX_IMAGE_MB = 5;

/** What a disclosure notice's body needs, and nothing the backend's sanitiser would strip anyway. */
export const BODY_EXTENSIONS: Extensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3, 4] },
    link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'] },
  }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  Image.configure({ allowBase64: true, inline: false }),
];

/**
 * @mantine/tiptap's CommonJS typings see tiptap's CommonJS declarations, we see its ES ones: the same
 * class, declared twice, so TypeScript needs telling.
 */
type MantineEditor = RichTextEditor.Props['editor'];

function editorLabels(t: Translate): Partial<RichTextEditorLabels> {
  return {
    boldControlLabel: t('rte.bold'),
    italicControlLabel: t('rte.italic'),
    underlineControlLabel: t('rte.underline'),
    strikeControlLabel: t('rte.strike'),
    clearFormattingControlLabel: t('rte.clear_formatting'),
    h1ControlLabel: t('rte.h1'),
    h2ControlLabel: t('rte.h2'),
    h3ControlLabel: t('rte.h3'),
    h4ControlLabel: t('rte.h4'),
    bulletListControlLabel: t('rte.bullet_list'),
    orderedListControlLabel: t('rte.ordered_list'),
    blockquoteControlLabel: t('rte.blockquote'),
    linkControlLabel: t('rte.link'),
    unlinkControlLabel: t('rte.unlink'),
    linkEditorInputLabel: t('rte.link_input'),
    linkEditorInputPlaceholder: 'https://',
    linkEditorExternalLink: t('rte.link_external'),
    linkEditorInternalLink: t('rte.link_internal'),
    linkEditorSave: t('rte.link_save'),
    tableDeleteControlLabel: t('rte.table_delete'),
    tableRowAfterControlLabel: t('rte.table_row_after'),
    tableRowDeleteControlLabel: t('rte.table_row_delete'),
    tableColumnAfterControlLabel: t('rte.table_column_after'),
    tableColumnDeleteControlLabel: t('rte.table_column_delete'),
    undoControlLabel: t('rte.undo'),
    redoControlLabel: t('rte.redo'),
  };
}

interface BodyEditorProps {
  editor: Editor | null;
  readOnly: boolean;
  /** Keeps the toolbar visible under the sticky header while a long body scrolls. */
  stickyOffset: number;
}

/** The body of an edition: a rich-text editor limited to what a notice on the website needs. */
export function BodyEditor({ editor, readOnly, stickyOffset }: BodyEditorProps) {
  const { t } = useI18n();
  const labels = useMemo(() => editorLabels(t), [t]);

  async function insertImage(file: File | null) {
    if (!file || !editor) return;
    if (!IMAGE_TYPES.split(',').includes(file.type)) {
      notifications.show({ color: 'red', message: t('editor.image_wrong_type') });
      return;
    }
    if (file.size > MAX_IMAGE_MB * 1024 * 1024) {
      notifications.show({ color: 'red', message: t('editor.image_too_large', { maxMb: MAX_IMAGE_MB }) });
      return;
    }
    try {
      const src = await readAsDataUrl(file);
      editor.chain().focus().setImage({ src, alt: file.name.replace(/\.[^.]+$/, '') }).run();
    } catch (thrown) {
      notifyFailure(t, thrown);
    }
  }

  return (
    <RichTextEditor editor={editor as unknown as MantineEditor} labels={labels} className="gk-body" data-testid="body-editor">
      {!readOnly && (
        <RichTextEditor.Toolbar sticky stickyOffset={stickyOffset} data-testid="body-toolbar">
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H1 />
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
            <RichTextEditor.H4 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
            <RichTextEditor.ClearFormatting />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Control
              onClick={() => editor?.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
              aria-label={t('rte.table_insert')}
              title={t('rte.table_insert')}
              data-testid="rte-table-insert"
            >
              <IconTablePlus size={16} stroke={1.5} />
            </RichTextEditor.Control>
            <RichTextEditor.TableRowAfter />
            <RichTextEditor.TableRowDelete />
            <RichTextEditor.TableColumnAfter />
            <RichTextEditor.TableColumnDelete />
            <RichTextEditor.TableDelete />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <FileButton
              onChange={(file) => void insertImage(file)}
              accept={IMAGE_TYPES}
              inputProps={{ 'data-testid': 'rte-image-input' } as ComponentProps<'input'>}
            >
              {(props) => (
                <RichTextEditor.Control {...props} aria-label={t('rte.image')} title={t('rte.image')} data-testid="rte-image">
                  <IconPhotoPlus size={16} stroke={1.5} />
                </RichTextEditor.Control>
              )}
            </FileButton>
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
      )}
      <RichTextEditor.Content data-testid="body-content" />
    </RichTextEditor>
  );
}
