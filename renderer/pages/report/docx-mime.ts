/** The .docx MIME type, for downloads of the filed report. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
