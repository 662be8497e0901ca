"""Which evidence files are accepted, by name and by content.

Officers attach what they use: Word and Excel (old and new), PowerPoint, Outlook e-mails,
PDF, OpenDocument, images, CSV and text. A file's content must match its name's type,
checked by its signature (the `filetype` library; the older Office formats and Outlook .msg
by their compound-file header), so a renamed program is refused."""

import filetype
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Microsoft compound file: .doc, .xls, .ppt, .msg
TEXT = "text"

# the name's extension → what its content may be (filetype's names, OLE or TEXT)
ACCEPTED: dict[str, set[str | bytes]] = {
    "pdf": {"pdf"},
    "doc": {OLE}, "xls": {OLE}, "ppt": {OLE}, "msg": {OLE},
    "docx": {"docx", "zip"}, "xlsx": {"xlsx", "zip"}, "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"}, "ods": {"ods", "zip"}, "odp": {"odp", "zip"},
    "rtf": {"rtf"},
    "png": {"png"}, "jpg": {"jpg"}, "jpeg": {"jpg"}, "gif": {"gif"},
    "csv": {TEXT}, "txt": {TEXT}, "eml": {TEXT},
}  # fmt: skip
NAMES = (
    "PDF, Word, Excel, PowerPoint, OpenDocument, Outlook e-mail (MSG or EML), CSV, text or an image"
)


# A file's name is kept with it on disk, where a name may be at most 255 bytes; 150 leaves
# room for the folder and the suffix storage adds to keep names unique. The form and the
# service both check it, with these words.
MAX_NAME_BYTES = 150
NAME_TOO_LONG = (
    "The file name is too long. Rename the file to something shorter and upload it again"
)


def name_too_long(name: str | None) -> bool:
    return len((name or "").encode("utf-8")) > MAX_NAME_BYTES


def extension(name: str | None) -> str:
    return name.rsplit(".", 1)[-1].lower() if name and "." in name else ""


def content_matches(upload: UploadedFile) -> bool:
    """Whether the file's first bytes are those of the type its name says."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    allowed = ACCEPTED.get(extension(upload.name), set())
    if OLE in allowed and head.startswith(OLE):
        return True
    if TEXT in allowed:
        return _is_text(head)
    kind = filetype.guess(head)
    return kind is not None and kind.extension in allowed


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


class SizeLimit(FileUploadHandler):
    """Stops reading an uploaded file as soon as it passes the limit, rather than after
    the whole of it has been stored; the view then says the file was too big."""

    def __init__(self, request, limit: int):
        super().__init__(request)
        self.limit = limit
        request.upload_too_big = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            # The view reads this flag; the handler is only ever made with a request.
            self.request.upload_too_big = True  # type: ignore[union-attr]
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None
