#include "dialogs/exportdialog.h"

#include <QTest>

class tst_ExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandLines_data()
    {
        QTest::addColumn<ExportDialog::Workflow>("workflow");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("expected");
        QTest::newRow("m2m") << ExportDialog::Workflow::MirrorToMirror << QStringLiteral("/srv/isc.yaml")
                             << QStringLiteral("ferryctl -c /srv/isc.yaml --workspace file:///srv/ws "
                                               "docker://registry.example:5000/mirror --v2");
        QTest::newRow("m2d") << ExportDialog::Workflow::MirrorToDisk << QStringLiteral("/srv/isc.yaml")
                             << QStringLiteral("ferryctl -c /srv/isc.yaml file:///srv/ws --v2");
        QTest::newRow("d2m") << ExportDialog::Workflow::DiskToMirror << QStringLiteral("/srv/isc.yaml")
                             << QStringLiteral("ferryctl -c /srv/isc.yaml --from file:///srv/ws "
                                               "docker://registry.example:5000/mirror --v2");
        QTest::newRow("delete") << ExportDialog::Workflow::DeleteGenerate << QStringLiteral("/srv/disc.yaml")
                                << QStringLiteral("ferryctl delete -c /srv/disc.yaml --generate --workspace "
                                                  "file:///srv/ws docker://registry.example:5000/mirror --v2");
        QTest::newRow("quoted") << ExportDialog::Workflow::MirrorToDisk << QStringLiteral("/home/me/my it's.yaml")
                                << QStringLiteral("ferryctl -c '/home/me/my it'\\''s.yaml' file:///srv/ws --v2");
    }

    void commandLines()
    {
        QFETCH(ExportDialog::Workflow, workflow);
        QFETCH(QString, config);
        QFETCH(QString, expected);
        QCOMPARE(ExportDialog::commandLine(workflow, config, QStringLiteral("/srv/ws"),
                                           QStringLiteral("registry.example:5000/mirror")),
                 expected);
    }

    void dialogFollowsItsFields()
    {
        ExportDialog dialog(QStringLiteral("/srv/isc.yaml"), false);
        dialog.setDirectory(QStringLiteral("/srv/ws"));
        dialog.setDestination(QStringLiteral("localhost:5000"));
        QCOMPARE(dialog.commandLine(),
                 QStringLiteral("ferryctl -c /srv/isc.yaml --workspace file:///srv/ws docker://localhost:5000 --v2"));
        dialog.setWorkflow(ExportDialog::Workflow::DiskToMirror);
        QVERIFY(dialog.commandLine().contains(QStringLiteral("--from file:///srv/ws")));

        // A delete configuration offers only the delete workflow.
        ExportDialog deletion(QStringLiteral("/srv/disc.yaml"), true);
        deletion.setWorkflow(ExportDialog::Workflow::MirrorToDisk);
        QVERIFY(deletion.commandLine().startsWith(QStringLiteral("ferryctl delete -c /srv/disc.yaml --generate")));
    }
};

QTEST_MAIN(tst_ExportDialog)
#include "tst_exportdialog.moc"
