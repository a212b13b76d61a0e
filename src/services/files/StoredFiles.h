#pragma once

#include <QByteArray>
#include <QString>

namespace bizdesk::services {

/// A file as read from disk for attaching: counted while reading, never by its declared size.
struct AttachmentFile
{
    QString fileName; ///< base name
    QByteArray content;
};

/// What is recorded about a stored file beside its bytes.
struct StoredFileFacts
{
    QString fileName; ///< base name, checked as a one-line text (field FILE)
    QString mediaType;
    qint64 size = 0;
    QString sha256;
};

/// How large a file a module keeps, and the policy setting and clause that say so.
struct FileCap
{
    qint64 bytes = 0;
    QString setting; ///< e.g. "contract.attachment_max_mb"
    QString clause;  ///< e.g. "5.1"
};

/// The rules every file BizDesk keeps in its database follows, whatever it is attached to (a
/// contract, a negotiation's material): read in chunks and stopped at the cap, never empty, stored
/// with its SHA-256 and checked against it whenever it is read back, written out atomically.
class StoredFiles
{
public:
    /// Reads `path`, stopping (invalid("FILE"), naming the file and the limit) as soon as more than
    /// the cap was read; refuses files of an open database and empty files.
    static AttachmentFile read(const QString &path, const FileCap &cap);
    /// The same size rules for a file that arrived some other way (a drop, a test).
    static void checkSize(const AttachmentFile &file, const FileCap &cap);
    /// checkSize(), then the name, media type, size and SHA-256 to record.
    static StoredFileFacts describe(const AttachmentFile &file, const FileCap &cap);
    static QString sha256Of(const QByteArray &content);
    /// Conflict when `content` is not what was recorded when the file was attached.
    static void verify(const QString &fileName, const QByteArray &content, qint64 size, const QString &sha256);
    /// Writes `content` to `path` atomically (invalid("out") when that fails).
    static void save(const QByteArray &content, const QString &path);
};

} // namespace bizdesk::services
