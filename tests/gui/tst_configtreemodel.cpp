#include "config/configloader.h"
#include "config/configwriter.h"
#include "models/configtreemodel.h"
#include "translationloader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using NodeKind = ConfigTreeModel::NodeKind;

class tst_ConfigTreeModel : public QObject
{
    Q_OBJECT

private:
    static ImageSetConfiguration sample()
    {
        const ConfigLoadResult result =
            ConfigLoader::loadFile(QStringLiteral(FERRY_SOURCE_DIR "/resources/samples/imageset-config.yaml"));
        if (!result.isValid() || !result.imageSetConfiguration) {
            qWarning("sample config does not load: %s",
                     qUtf8Printable(result.errors.isEmpty() ? QString() : result.errors.constFirst().toString()));
            return {};
        }
        return *result.imageSetConfiguration;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Any untranslated locale gets the English catalogue, which has the plural forms checked below.
        QVERIFY(!TranslationLoader::install(qApp, QLocale(QLocale::C)));
    }

    void structureFollowsTheConfiguration()
    {
        ConfigTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ImageSetConfiguration config = sample();
        QCOMPARE(config.mirror.operators.size(), 1);
        model.setConfiguration(config);

        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(ConfigTreeModel::ColumnCount));
        const QModelIndex platform = model.groupIndex(NodeKind::Platform);
        QCOMPARE(model.kind(platform), NodeKind::Platform);
        QCOMPARE(model.rowCount(platform), 1);
        const QModelIndex channel = model.index(0, 0, platform);
        QCOMPARE(model.data(channel).toString(), QStringLiteral("stable-4.16"));
        QCOMPARE(model.data(channel, ConfigTreeModel::MinVersionRole).toString(), QStringLiteral("4.16.5"));
        QCOMPARE(model.data(channel, ConfigTreeModel::MaxVersionRole).toString(), QStringLiteral("4.16.6"));
        QVERIFY(!model.data(channel, ConfigTreeModel::FullRole).isValid()); // absent stays absent
        QCOMPARE(model.data(channel, ConfigTreeModel::FieldPathRole).toString(),
                 QStringLiteral("mirror.platform.channels[0]"));
        QCOMPARE(model.data(platform, ConfigTreeModel::ArchitecturesRole).toStringList(),
                 QStringList{QStringLiteral("amd64")});

        const QModelIndex operators = model.groupIndex(NodeKind::Operators);
        QCOMPARE(model.rowCount(operators), 1);
        const QModelIndex catalog = model.index(0, 0, operators);
        QCOMPARE(model.rowCount(catalog), 2);
        QCOMPARE(model.data(model.index(1, 0, catalog)).toString(), QStringLiteral("node-observability-operator"));
        QCOMPARE(model.data(catalog.siblingAtColumn(ConfigTreeModel::DetailColumn)).toString(),
                 QStringLiteral("2 packages"));
        QCOMPARE(model.rowCount(model.groupIndex(NodeKind::AdditionalImages)), 2);
        QCOMPARE(model.rowCount(model.groupIndex(NodeKind::BlockedImages)), 1);
        QCOMPARE(model.rowCount(model.groupIndex(NodeKind::Helm)), 0);

        // Nothing edited: the configuration comes back unchanged.
        QCOMPARE(model.imageSetConfiguration(), config);
    }

    void insertSignalsAndConfiguration()
    {
        ConfigTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(sample());
        const QModelIndex catalog = model.index(0, 0, model.groupIndex(NodeKind::Operators));
        const QModelIndex package = model.index(0, 0, catalog);

        QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &ConfigTreeModel::contentChanged);
        const QModelIndex channel = model.addPackageChannel(package, QStringLiteral("stable-v1"));
        QVERIFY(channel.isValid());
        QCOMPARE(aboutToInsert.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), package);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.data(channel, ConfigTreeModel::FieldPathRole).toString(),
                 QStringLiteral("mirror.operators[0].packages[0].channels[0]"));
        QCOMPARE(model.imageSetConfiguration().mirror.operators[0].packages[0].channels.size(), 1);
        QCOMPARE(model.imageSetConfiguration().mirror.operators[0].packages[0].channels[0].name,
                 QStringLiteral("stable-v1"));

        // Appended at the end of the group, after the existing entries.
        const QModelIndex image = model.addAdditionalImage(QStringLiteral("quay.io/example/tool:1.0"));
        QCOMPARE(image.row(), 2);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.imageSetConfiguration().mirror.additionalImages.last().name,
                 QStringLiteral("quay.io/example/tool:1.0"));

        // Helm: repositories stay before local charts in the tree and in their own lists.
        const QModelIndex local = model.addHelmLocalChart(QStringLiteral("local"), QStringLiteral("/charts/local"));
        const QModelIndex repository = model.addHelmRepository(
            QStringLiteral("podinfo"), QStringLiteral("https://stefanprodan.github.io/podinfo"));
        QCOMPARE(repository.row(), 0);
        QCOMPARE(model.data(model.index(1, 0, model.groupIndex(NodeKind::Helm))).toString(), QStringLiteral("local"));
        QVERIFY(local.isValid());
        const QModelIndex chart = model.addHelmChart(repository, QStringLiteral("podinfo"));
        QCOMPARE(model.data(chart, ConfigTreeModel::FieldPathRole).toString(),
                 QStringLiteral("mirror.helm.repositories[0].charts[0]"));
        QCOMPARE(
            model.data(model.index(1, 0, model.groupIndex(NodeKind::Helm)), ConfigTreeModel::FieldPathRole).toString(),
            QStringLiteral("mirror.helm.local[0]"));
        const ImageSetConfiguration config = model.imageSetConfiguration();
        QVERIFY(config.mirror.helm.has_value());
        QCOMPARE(config.mirror.helm->repositories.size(), 1);
        QCOMPARE(config.mirror.helm->local.size(), 1);
        QCOMPARE(config.mirror.helm->local[0].path, std::optional<QString>(QStringLiteral("/charts/local")));

        // A generic "Add" under a group uses that group's child kind.
        const QModelIndex added = model.addChild(model.groupIndex(NodeKind::Platform));
        QCOMPARE(model.kind(added), NodeKind::ReleaseChannel);
        QCOMPARE(model.imageSetConfiguration().mirror.platform->channels.size(), 2);
        QVERIFY(!model.canAddChild(added));
    }

    void removeSignalsAndConfiguration()
    {
        ConfigTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(sample());
        const QModelIndex catalog = model.index(0, 0, model.groupIndex(NodeKind::Operators));

        QVERIFY(!model.canRemove(model.groupIndex(NodeKind::Operators)));
        QVERIFY(!model.removeItem(model.groupIndex(NodeKind::Operators)));

        QSignalSpy aboutToRemove(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.removeItem(model.index(0, 0, catalog)));
        QCOMPARE(aboutToRemove.size(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).value<QModelIndex>(), catalog);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(model.rowCount(catalog), 1);
        const auto packages = model.imageSetConfiguration().mirror.operators[0].packages;
        QCOMPARE(packages.size(), 1);
        QCOMPARE(packages[0].name, QStringLiteral("node-observability-operator"));
        // The catalog's summary counts its packages, so it changes too.
        bool catalogSummaryChanged = false;
        for (const QList<QVariant> &arguments : std::as_const(changed)) {
            catalogSummaryChanged =
                catalogSummaryChanged || arguments.at(0).value<QModelIndex>() == catalog.siblingAtColumn(1);
        }
        QVERIFY(catalogSummaryChanged);
        QCOMPARE(model.data(catalog.siblingAtColumn(1)).toString(), QStringLiteral("1 package"));

        // Removing several rows at once keeps the right entries.
        const QModelIndex images = model.groupIndex(NodeKind::AdditionalImages);
        model.addAdditionalImage(QStringLiteral("quay.io/a/b:1"));
        QVERIFY(model.removeRows(0, 2, images));
        QCOMPARE(model.rowCount(images), 1);
        QCOMPARE(model.imageSetConfiguration().mirror.additionalImages.size(), 1);
        QCOMPARE(model.imageSetConfiguration().mirror.additionalImages[0].name, QStringLiteral("quay.io/a/b:1"));

        // Emptying Helm drops the block rather than writing `helm: {}`.
        const QModelIndex local = model.addHelmLocalChart(QStringLiteral("c"), QStringLiteral("/c"));
        QVERIFY(model.imageSetConfiguration().mirror.helm.has_value());
        QVERIFY(model.removeItem(local));
        QVERIFY(!model.imageSetConfiguration().mirror.helm.has_value());
    }

    void setDataChangesOneFieldAndSignals()
    {
        ConfigTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(sample());
        const QModelIndex channel = model.index(0, 0, model.groupIndex(NodeKind::Platform));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy contentChanged(&model, &ConfigTreeModel::contentChanged);
        QVERIFY(model.setData(channel, QStringLiteral("4.16.2"), ConfigTreeModel::MinVersionRole));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), channel);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), channel.siblingAtColumn(ConfigTreeModel::DetailColumn));
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(ConfigTreeModel::MinVersionRole));
        QCOMPARE(contentChanged.size(), 1);
        QCOMPARE(model.imageSetConfiguration().mirror.platform->channels[0].minVersion,
                 std::optional<QString>(QStringLiteral("4.16.2")));
        QCOMPARE(model.data(channel.siblingAtColumn(1)).toString(), QStringLiteral("4.16.2 to 4.16.6"));

        // The same value again: no signal.
        QVERIFY(model.setData(channel, QStringLiteral("4.16.2"), ConfigTreeModel::MinVersionRole));
        QCOMPARE(changed.size(), 1);

        // An invalid value removes an optional field; the written YAML loses the key.
        QVERIFY(model.setData(channel, QVariant(), ConfigTreeModel::MinVersionRole));
        QVERIFY(!model.imageSetConfiguration().mirror.platform->channels[0].minVersion.has_value());
        QVERIFY(!ConfigWriter::write(model.imageSetConfiguration()).contains("minVersion"));
        QVERIFY(model.setData(channel, true, ConfigTreeModel::ShortestPathRole));
        QCOMPARE(model.imageSetConfiguration().mirror.platform->channels[0].shortestPath, std::optional<bool>(true));

        // Renaming through the tree's editor (EditRole on the name column).
        QVERIFY(model.setData(channel, QStringLiteral("fast-4.16"), Qt::EditRole));
        QCOMPARE(model.imageSetConfiguration().mirror.platform->channels[0].name, QStringLiteral("fast-4.16"));
        QVERIFY(model.flags(channel).testFlag(Qt::ItemIsEditable));
        QVERIFY(!model.flags(model.groupIndex(NodeKind::Platform)).testFlag(Qt::ItemIsEditable));

        // A role the item does not have is refused.
        QVERIFY(!model.setData(channel, QStringLiteral("x"), ConfigTreeModel::UrlRole));
    }

    void pathsMapToItemsAndFields()
    {
        ConfigTreeModel model;
        model.setConfiguration(sample());
        int role = -1;
        const QModelIndex package = model.indexForPath(QStringLiteral("mirror.operators[0].packages[1].name"), &role);
        QCOMPARE(model.data(package).toString(), QStringLiteral("node-observability-operator"));
        QCOMPARE(role, int(ConfigTreeModel::NameRole));

        const QModelIndex channel = model.indexForPath(QStringLiteral("mirror.platform.channels[0].minVersion"), &role);
        QCOMPARE(model.kind(channel), NodeKind::ReleaseChannel);
        QCOMPARE(role, int(ConfigTreeModel::MinVersionRole));

        const QModelIndex platform = model.indexForPath(QStringLiteral("mirror.platform.architectures[0]"), &role);
        QCOMPARE(model.kind(platform), NodeKind::Platform);
        QCOMPARE(role, int(ConfigTreeModel::ArchitecturesRole));

        // Index 10 must not match item 1; a missing item falls back to its group.
        const QModelIndex group = model.indexForPath(QStringLiteral("mirror.additionalImages[10].name"), &role);
        QCOMPARE(model.kind(group), NodeKind::AdditionalImages);
        QCOMPARE(role, 0);
        QVERIFY(!model.indexForPath(QStringLiteral("kind"), &role).isValid());

        model.setIssuePaths({QStringLiteral("mirror.operators[0].packages[1].channels[0].minVersion")});
        QVERIFY(model.data(package, ConfigTreeModel::HasIssueRole).toBool());
        QVERIFY(model.data(model.groupIndex(NodeKind::Operators), ConfigTreeModel::HasIssueRole).toBool());
        QVERIFY(!model.data(model.index(0, 0, package.parent()), ConfigTreeModel::HasIssueRole).toBool());
        QVERIFY(!model.data(channel, ConfigTreeModel::HasIssueRole).toBool());
    }

    void deleteConfigurationHasNoBlockedImages()
    {
        ConfigTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ConfigLoadResult result =
            ConfigLoader::loadFile(QStringLiteral(FERRY_TEST_DATA_DIR "/gui/delete-config.yaml"));
        QVERIFY2(result.isValid(), qPrintable(result.errors.isEmpty() ? QString() : result.errors[0].toString()));
        QVERIFY(result.deleteImageSetConfiguration.has_value());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setConfiguration(*result.deleteImageSetConfiguration);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.configKind(), ConfigKind::DeleteImageSetConfiguration);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(!model.groupIndex(NodeKind::BlockedImages).isValid());
        QVERIFY(!model.addBlockedImage(QStringLiteral(".*")).isValid());
        const QModelIndex channel =
            model.index(0, 0, model.index(0, 0, model.index(0, 0, model.groupIndex(NodeKind::Operators))));
        QCOMPARE(model.data(channel, ConfigTreeModel::FieldPathRole).toString(),
                 QStringLiteral("delete.operators[0].packages[0].channels[0]"));
        QCOMPARE(model.deleteImageSetConfiguration(), *result.deleteImageSetConfiguration);
    }
};

QTEST_MAIN(tst_ConfigTreeModel)
#include "tst_configtreemodel.moc"
