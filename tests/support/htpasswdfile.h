#pragma once

#include <QString>

// A bcrypt htpasswd file for docker-registry's Basic auth, written with `htpasswd -nBi` (the password goes through
// stdin, never the command line).
class HtpasswdFile
{
public:
    explicit HtpasswdFile(const QString &path);

    // Appends a user. bcrypt cost 4 (the minimum): the registry checks the hash on every request.
    bool addUser(const QString &user, const QString &password, QString *error = nullptr);
    QString path() const { return m_path; }

private:
    QString m_path;
};
