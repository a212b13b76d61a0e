#include "services/identity/PasswordHasher.h"

#include <gtest/gtest.h>

using bizdesk::services::PasswordHasher;

TEST(PasswordHasher, stores_an_argon2id_hash_never_the_password)
{
    const QString password = QStringLiteral("密码-correct-horse");
    const QString hash = PasswordHasher::hash(password);
    EXPECT_TRUE(hash.startsWith(QStringLiteral("$argon2id$"))) << hash.toStdString();
    EXPECT_FALSE(hash.contains(password));
    EXPECT_FALSE(hash.contains(QStringLiteral("correct-horse")));
}

TEST(PasswordHasher, verifies_the_right_password_only)
{
    const QString hash = PasswordHasher::hash(QStringLiteral("long-enough-1"));
    EXPECT_TRUE(PasswordHasher::verify(hash, QStringLiteral("long-enough-1")));
    EXPECT_FALSE(PasswordHasher::verify(hash, QStringLiteral("long-enough-2")));
    EXPECT_FALSE(PasswordHasher::verify(hash, QString()));
    EXPECT_FALSE(PasswordHasher::verify(QStringLiteral("not a hash"), QStringLiteral("long-enough-1")));
}

TEST(PasswordHasher, salts_every_hash)
{
    EXPECT_NE(PasswordHasher::hash(QStringLiteral("same-password")), PasswordHasher::hash(QStringLiteral("same-password")));
}
