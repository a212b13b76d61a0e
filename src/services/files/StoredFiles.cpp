#include "services/files/StoredFiles.h"

#include "domain/Error.h"
#include "domain/TextRules.h"
#include "storage/OpenDatabaseFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

namespace bizdesk::services {
namespace {

using domain::Error;

constexpr qint64 chunkBytes = 64 * 1024;

Error tooLarge(const QString &fileName, const FileCap &cap)
{
    return Error::invalid(QStringLiteral("FILE"),
                          QCoreApplication::translate("StoredFiles", "FILE: %1 is larger than %2 MB, the limit set by %3 (§%4).")
                              .arg(fileName)
                              .arg(cap.bytes / (1024 * 1024))
                              .arg(cap.setting, cap.clause),
                          cap.clause);
}

Error emptyFile(const QString &fileName)
{
    return Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("StoredFiles", "FILE: %1 is empty.").arg(fileName));
}

Error unreadable(const QString &path, const QString &reason)
{
    return Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("StoredFiles", "FILE: cannot read %1 (%2).").arg(path, reason));
}

} // namespace

AttachmentFile StoredFiles::read(const QString &path, const FileCap &cap)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("FILE"));
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw unreadable(path, file.errorString());
    AttachmentFile loaded{name, {}};
    // Counted while reading: a file that grows, a pipe or a device is stopped one chunk past the cap.
    for (;;) {
        const QByteArray chunk = file.read(chunkBytes);
        if (chunk.isEmpty()) {
            if (file.error() != QFileDevice::NoError)
                throw unreadable(path, file.errorString());
            break;
        }
        if (loaded.content.size() + chunk.size() > cap.bytes)
            throw tooLarge(name, cap);
        loaded.content.append(chunk);
    }
    checkSize(loaded, cap);
    return loaded;
}

void StoredFiles::checkSize(const AttachmentFile &file, const FileCap &cap)
{
    if (file.content.isEmpty())
        throw emptyFile(file.fileName);
    if (file.content.size() > cap.bytes)
        throw tooLarge(file.fileName, cap);
}

QString StoredFiles::sha256Of(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

StoredFileFacts StoredFiles::describe(const AttachmentFile &file, const FileCap &cap)
{
    checkSize(file, cap);
    StoredFileFacts facts;
    facts.fileName = domain::TextRules::required(QStringLiteral("FILE"), QFileInfo(file.fileName).fileName(), domain::TextKind::Line);
    facts.mediaType = QMimeDatabase().mimeTypeForFileNameAndData(facts.fileName, file.content).name();
    facts.size = file.content.size();
    facts.sha256 = sha256Of(file.content);
    return facts;
}

void StoredFiles::verify(const QString &fileName, const QByteArray &content, qint64 size, const QString &sha256)
{
    if (content.size() != size || sha256Of(content) != sha256)
        throw Error::conflict(QCoreApplication::translate("StoredFiles", "%1 no longer matches the SHA-256 recorded when it was attached; the stored copy was changed "
                                                                         "outside BizDesk.")
                                  .arg(fileName));
}

void StoredFiles::save(const QByteArray &content, const QString &path)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("out"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        throw Error::invalid(QStringLiteral("out"), QCoreApplication::translate("StoredFiles", "out: cannot write %1 (%2).").arg(path, file.errorString()));
}

} // namespace bizdesk::services
