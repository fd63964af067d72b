#include "config/semanticversion.h"

#include <QSet>
#include <QTest>

#include <algorithm>

class TestSemanticVersion : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void parseTolerant_data();
    void parseTolerant();
    void ordering_data();
    void ordering();
    void sortsSpecExample();
    void hashIgnoresBuild();
};

void TestSemanticVersion::parseValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("patch");
    QTest::addColumn<QStringList>("prerelease");
    QTest::addColumn<QString>("build");

    QTest::newRow("plain") << QStringLiteral("1.2.3") << 1 << 2 << 3 << QStringList() << QString();
    QTest::newRow("zeros") << QStringLiteral("0.0.0") << 0 << 0 << 0 << QStringList() << QString();
    QTest::newRow("prerelease") << QStringLiteral("1.0.0-alpha.1") << 1 << 0 << 0
                                << QStringList{QStringLiteral("alpha"), QStringLiteral("1")} << QString();
    QTest::newRow("rebuild counter") << QStringLiteral("1.34.1-5") << 1 << 34 << 1 << QStringList{QStringLiteral("5")}
                                     << QString();
    QTest::newRow("build") << QStringLiteral("1.42.0-5+0.1687199951.p") << 1 << 42 << 0
                           << QStringList{QStringLiteral("5")} << QStringLiteral("0.1687199951.p");
    QTest::newRow("build only") << QStringLiteral("1.0.0+20130313144700") << 1 << 0 << 0 << QStringList()
                                << QStringLiteral("20130313144700");
    QTest::newRow("hyphens") << QStringLiteral("1.0.0-x-y-z.-") << 1 << 0 << 0
                             << QStringList{QStringLiteral("x-y-z"), QStringLiteral("-")} << QString();
    QTest::newRow("3scale") << QStringLiteral("0.8.4-0.1655690146.p") << 0 << 8 << 4
                            << QStringList{QStringLiteral("0"), QStringLiteral("1655690146"), QStringLiteral("p")}
                            << QString();
    QTest::newRow("mas") << QStringLiteral("0.11.0-mas") << 0 << 11 << 0 << QStringList{QStringLiteral("mas")}
                         << QString();
    QTest::newRow("build with leading zero")
        << QStringLiteral("1.0.0+001") << 1 << 0 << 0 << QStringList() << QStringLiteral("001");
    QTest::newRow("alnum with leading zero")
        << QStringLiteral("1.0.0-0a") << 1 << 0 << 0 << QStringList{QStringLiteral("0a")} << QString();
    QTest::newRow("big prerelease number") << QStringLiteral("4.10.0-202207291908") << 4 << 10 << 0
                                           << QStringList{QStringLiteral("202207291908")} << QString();
    QTest::newRow("int max") << QStringLiteral("2147483647.0.0") << 2147483647 << 0 << 0 << QStringList() << QString();
    QTest::newRow("build with hyphen and plus-split")
        << QStringLiteral("1.2.3-rc-1+build-7.x") << 1 << 2 << 3 << QStringList{QStringLiteral("rc-1")}
        << QStringLiteral("build-7.x");
}

void TestSemanticVersion::parseValid()
{
    QFETCH(QString, input);
    QFETCH(int, major);
    QFETCH(int, minor);
    QFETCH(int, patch);
    QFETCH(QStringList, prerelease);
    QFETCH(QString, build);

    QString error;
    const auto version = SemanticVersion::parse(input, &error);
    QVERIFY2(version.has_value(), qUtf8Printable(error));
    QCOMPARE(version->major(), major);
    QCOMPARE(version->minor(), minor);
    QCOMPARE(version->patch(), patch);
    QCOMPARE(version->prerelease(), prerelease);
    QCOMPARE(version->build(), build);
    QCOMPARE(version->isPrerelease(), !prerelease.isEmpty());
    QCOMPARE(version->toString(), input);
}

void TestSemanticVersion::parseInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");
    const auto e = [](const QString &input, const QString &reason) {
        return QStringLiteral("invalid semantic version \"%1\": %2").arg(input, reason);
    };
    QTest::newRow("empty") << QString() << e(QString(), QStringLiteral("version string is empty"));
    QTest::newRow("v prefix") << QStringLiteral("v1.2.3")
                              << e(QStringLiteral("v1.2.3"),
                                   QStringLiteral("major number \"v1\" must contain only digits"));
    QTest::newRow("two parts") << QStringLiteral("1.2")
                               << e(QStringLiteral("1.2"), QStringLiteral("expected MAJOR.MINOR.PATCH"));
    QTest::newRow("one part") << QStringLiteral("1")
                              << e(QStringLiteral("1"), QStringLiteral("expected MAJOR.MINOR.PATCH"));
    QTest::newRow("four parts") << QStringLiteral("1.2.3.4")
                                << e(QStringLiteral("1.2.3.4"),
                                     QStringLiteral("patch number \"3.4\" must contain only digits"));
    QTest::newRow("leading zero major") << QStringLiteral("01.2.3")
                                        << e(QStringLiteral("01.2.3"),
                                             QStringLiteral("major number \"01\" must not contain leading zeroes"));
    QTest::newRow("leading zero minor") << QStringLiteral("1.02.3")
                                        << e(QStringLiteral("1.02.3"),
                                             QStringLiteral("minor number \"02\" must not contain leading zeroes"));
    QTest::newRow("leading zero patch") << QStringLiteral("1.2.03")
                                        << e(QStringLiteral("1.2.03"),
                                             QStringLiteral("patch number \"03\" must not contain leading zeroes"));
    QTest::newRow("empty minor") << QStringLiteral("1..3")
                                 << e(QStringLiteral("1..3"), QStringLiteral("minor number is empty"));
    QTest::newRow("empty patch") << QStringLiteral("1.2.")
                                 << e(QStringLiteral("1.2."), QStringLiteral("patch number is empty"));
    QTest::newRow("empty patch before pre")
        << QStringLiteral("1.2.-rc") << e(QStringLiteral("1.2.-rc"), QStringLiteral("patch number is empty"));
    QTest::newRow("negative") << QStringLiteral("-1.2.3")
                              << e(QStringLiteral("-1.2.3"),
                                   QStringLiteral("major number \"-1\" must contain only digits"));
    QTest::newRow("letters") << QStringLiteral("1.a.3")
                             << e(QStringLiteral("1.a.3"),
                                  QStringLiteral("minor number \"a\" must contain only digits"));
    QTest::newRow("space") << QStringLiteral(" 1.2.3")
                           << e(QStringLiteral(" 1.2.3"),
                                QStringLiteral("major number \" 1\" must contain only digits"));
    QTest::newRow("too large") << QStringLiteral("2147483648.0.0")
                               << e(QStringLiteral("2147483648.0.0"),
                                    QStringLiteral("major number \"2147483648\" is too large"));
    QTest::newRow("empty prerelease") << QStringLiteral("1.2.3-")
                                      << e(QStringLiteral("1.2.3-"), QStringLiteral("prerelease identifier is empty"));
    QTest::newRow("empty prerelease id") << QStringLiteral("1.2.3-a..b")
                                         << e(QStringLiteral("1.2.3-a..b"),
                                              QStringLiteral("prerelease identifier is empty"));
    QTest::newRow("prerelease leading zero")
        << QStringLiteral("1.2.3-01")
        << e(QStringLiteral("1.2.3-01"), QStringLiteral("numeric prerelease identifier \"01\" must not "
                                                        "contain leading zeroes"));
    QTest::newRow("prerelease bad char") << QStringLiteral("1.2.3-rc_1")
                                         << e(QStringLiteral("1.2.3-rc_1"),
                                              QStringLiteral(
                                                  "prerelease identifier \"rc_1\" may contain only [0-9A-Za-z-]"));
    QTest::newRow("empty build") << QStringLiteral("1.2.3+")
                                 << e(QStringLiteral("1.2.3+"), QStringLiteral("build metadata identifier is empty"));
    QTest::newRow("build bad char") << QStringLiteral("1.2.3+a+b")
                                    << e(QStringLiteral("1.2.3+a+b"),
                                         QStringLiteral(
                                             "build metadata identifier \"a+b\" may contain only [0-9A-Za-z-]"));
    QTest::newRow("unicode digit") << QStringLiteral("1.2.\u0663")
                                   << e(QStringLiteral("1.2.\u0663"),
                                        QStringLiteral("patch number \"\u0663\" must contain only digits"));
}

void TestSemanticVersion::parseInvalid()
{
    QFETCH(QString, input);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!SemanticVersion::parse(input, &actual).has_value());
    QCOMPARE(actual, error);
}

void TestSemanticVersion::parseTolerant_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("result"); // empty: refused
    QTest::addColumn<QString>("error");

    QTest::newRow("strict") << QStringLiteral("1.2.3") << QStringLiteral("1.2.3") << QString();
    QTest::newRow("v prefix") << QStringLiteral("v1.2.3") << QStringLiteral("1.2.3") << QString();
    QTest::newRow("spaces") << QStringLiteral("  v4.18.0-rc.1 ") << QStringLiteral("4.18.0-rc.1") << QString();
    QTest::newRow("short") << QStringLiteral("v4.18") << QStringLiteral("4.18.0") << QString();
    QTest::newRow("major only") << QStringLiteral("4") << QStringLiteral("4.0.0") << QString();
    QTest::newRow("leading zeros") << QStringLiteral("01.002.0003") << QStringLiteral("1.2.3") << QString();
    QTest::newRow("zero patch with pre") << QStringLiteral("1.2.00-rc") << QStringLiteral("1.2.0-rc") << QString();
    QTest::newRow("short with pre") << QStringLiteral("1.2-rc") << QString()
                                    << QStringLiteral("invalid semantic version \"1.2-rc\": a shortened version cannot "
                                                      "carry a prerelease or build metadata");
    QTest::newRow("garbage") << QStringLiteral("vx.y") << QString()
                             << QStringLiteral(
                                    "invalid semantic version \"vx.y\": major number \"x\" must contain only "
                                    "digits");
}

void TestSemanticVersion::parseTolerant()
{
    QFETCH(QString, input);
    QFETCH(QString, result);
    QFETCH(QString, error);
    QString actual;
    const auto version = SemanticVersion::parseTolerant(input, &actual);
    if (result.isEmpty()) {
        QVERIFY(!version);
        QCOMPARE(actual, error);
    } else {
        QVERIFY2(version, qUtf8Printable(actual));
        QCOMPARE(version->toString(), result);
    }
}

void TestSemanticVersion::ordering_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected"); // sign of a <=> b

    QTest::newRow("major") << QStringLiteral("1.0.0") << QStringLiteral("2.0.0") << -1;
    QTest::newRow("minor numeric") << QStringLiteral("1.10.0") << QStringLiteral("1.9.0") << 1;
    QTest::newRow("patch") << QStringLiteral("1.0.1") << QStringLiteral("1.0.0") << 1;
    QTest::newRow("release above prerelease") << QStringLiteral("1.34.1-5") << QStringLiteral("1.34.1") << -1;
    QTest::newRow("build ignored") << QStringLiteral("1.42.0-5+0.1687199951.p") << QStringLiteral("1.42.0-5") << 0;
    QTest::newRow("build ignored release") << QStringLiteral("1.0.0+a") << QStringLiteral("1.0.0+b") << 0;
    QTest::newRow("numeric ids") << QStringLiteral("1.0.0-2") << QStringLiteral("1.0.0-10") << -1;
    QTest::newRow("numeric below alnum") << QStringLiteral("1.0.0-999") << QStringLiteral("1.0.0-a") << -1;
    QTest::newRow("ascii order") << QStringLiteral("1.0.0-Z") << QStringLiteral("1.0.0-a") << -1;
    QTest::newRow("hyphen ascii") << QStringLiteral("1.0.0--") << QStringLiteral("1.0.0-0a") << -1;
    QTest::newRow("shorter lower") << QStringLiteral("1.0.0-alpha") << QStringLiteral("1.0.0-alpha.1") << -1;
    QTest::newRow("huge numeric ids") << QStringLiteral("1.0.0-99999999999999999999")
                                      << QStringLiteral("1.0.0-100000000000000000000") << -1;
    QTest::newRow("timestamps") << QStringLiteral("0.8.4-0.1655690146.p") << QStringLiteral("0.9.1-0.1664967752.p")
                                << -1;
    QTest::newRow("upper bound idiom") << QStringLiteral("0.3.1-0") << QStringLiteral("0.3.0") << 1;
    QTest::newRow("rc below bound") << QStringLiteral("1.0.3-rc.1") << QStringLiteral("1.0.3") << -1;
    QTest::newRow("equal") << QStringLiteral("1.2.3-rc.1") << QStringLiteral("1.2.3-rc.1") << 0;
}

void TestSemanticVersion::ordering()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    const auto va = SemanticVersion::parse(a);
    const auto vb = SemanticVersion::parse(b);
    QVERIFY(va && vb);
    const auto order = *va <=> *vb;
    const int sign = order < 0 ? -1 : (order > 0 ? 1 : 0);
    QCOMPARE(sign, expected);
    const auto reverse = *vb <=> *va;
    QCOMPARE(reverse < 0 ? -1 : (reverse > 0 ? 1 : 0), -expected);
    QCOMPARE(*va == *vb, expected == 0);
    QCOMPARE(*va < *vb, expected < 0);
    if (expected == 0)
        QCOMPARE(qHash(*va), qHash(*vb));
}

void TestSemanticVersion::sortsSpecExample()
{
    // The precedence chain of the SemVer 2.0 specification, shuffled.
    const QStringList sorted{
        QStringLiteral("1.0.0-alpha"), QStringLiteral("1.0.0-alpha.1"), QStringLiteral("1.0.0-alpha.beta"),
        QStringLiteral("1.0.0-beta"),  QStringLiteral("1.0.0-beta.2"),  QStringLiteral("1.0.0-beta.11"),
        QStringLiteral("1.0.0-rc.1"),  QStringLiteral("1.0.0"),         QStringLiteral("2.0.0"),
        QStringLiteral("2.1.0"),       QStringLiteral("2.1.1")};
    QList<SemanticVersion> versions;
    for (const int i : {7, 3, 10, 0, 5, 9, 1, 8, 4, 6, 2})
        versions.append(*SemanticVersion::parse(sorted.at(i)));
    std::sort(versions.begin(), versions.end());
    QStringList actual;
    for (const auto &v : versions)
        actual.append(v.toString());
    QCOMPARE(actual, sorted);
}

void TestSemanticVersion::hashIgnoresBuild()
{
    const auto a = SemanticVersion::parse(QStringLiteral("1.42.0-5+0.1687199951.p"));
    const auto b = SemanticVersion::parse(QStringLiteral("1.42.0-5"));
    QVERIFY(a && b);
    QSet<SemanticVersion> set{*a, *b};
    QCOMPARE(set.size(), 1);
    QCOMPARE(a->toString(), QStringLiteral("1.42.0-5+0.1687199951.p"));
}

QTEST_GUILESS_MAIN(TestSemanticVersion)
#include "tst_semanticversion.moc"
