#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

// A real CNCF distribution registry (Debian's docker-registry) on a free 127.0.0.1 port, with its storage in a
// temporary directory. Tests start it, talk to it and stop it; nothing is mocked.
class RegistryFixture
{
public:
    struct TokenAuth
    {
        QString realm;          // URL of the token service
        QString service;        // service name the registry expects in tokens
        QString issuer;         // iss claim
        QString rootCertBundle; // PEM certificate whose key signs the tokens
    };

    struct Options
    {
        bool deleteEnabled = true;
        QString htpasswdFile;   // enables Basic auth
        QString tlsCertificate; // PEM; with tlsKey serves HTTPS
        QString tlsKey;
        std::optional<TokenAuth> token;
        bool accessLog = false;
        QString storageDirectory; // empty: a fresh temporary directory
        quint16 port = 0;         // 0: a free port
    };

    RegistryFixture();
    explicit RegistryFixture(Options options);
    ~RegistryFixture();
    RegistryFixture(const RegistryFixture &) = delete;
    RegistryFixture &operator=(const RegistryFixture &) = delete;

    static bool isAvailable();
    static quint16 freePort();

    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    QString address() const; // "127.0.0.1:<port>"
    quint16 port() const { return m_port; }
    QString storageDirectory() const;
    QString configFile() const;
    QString logFile() const;

    // Runs `docker-registry garbage-collect` on the (stopped or idle) storage; returns its exit code.
    int garbageCollect(bool deleteUntagged, QString *output = nullptr) const;
    // Sum of the sizes of every blob file in the storage.
    qint64 blobBytesOnDisk() const;

private:
    void writeConfig() const;

    Options m_options;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};
