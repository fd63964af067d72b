#include "config/yamlscalar.h"

#include <yaml-cpp/yaml.h>

#include <QtTest>

Q_DECLARE_METATYPE(YamlScalar::Type)

class tst_YamlScalar : public QObject
{
    Q_OBJECT

private slots:
    void resolvesPlainScalars_data();
    void resolvesPlainScalars();
    void honoursQuotesAndTags();
    void quotedReadsBackAsTheSameString_data();
    void quotedReadsBackAsTheSameString();
};

void tst_YamlScalar::resolvesPlainScalars_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<YamlScalar::Type>("type");
    using T = YamlScalar::Type;
    const QList<std::pair<const char *, T>> rows = {
        {"", T::Null},         {"~", T::Null},       {"null", T::Null},     {"NULL", T::Null},
        {"true", T::Bool},     {"False", T::Bool},   {"yes", T::Bool},      {"Off", T::Bool},
        {"y", T::Bool},        {"N", T::Bool},       {"0", T::Int},         {"-12", T::Int},
        {"+7", T::Int},        {"1_000", T::Int},    {"0x1F", T::Int},      {"0o17", T::Int},
        {"017", T::Int},       {"0b101", T::Int},    {"4.18", T::Float},    {"1e5", T::Float},
        {".5", T::Float},      {"-.inf", T::Float},  {".NaN", T::Float},    {"08", T::Float},
        {"4.18.1", T::String}, {"v4.18", T::String}, {"0.31.2", T::String}, {"1.x", T::String},
        {"yesno", T::String},  {"nul", T::String},   {"0x", T::String},     {"stable-4.18", T::String},
        {"TRUE ", T::String},  {"amd64", T::String},
    };
    for (const auto &[text, type] : rows)
        QTest::newRow(text[0] ? text : "(empty)") << QString::fromUtf8(text) << type;
}

void tst_YamlScalar::resolvesPlainScalars()
{
    QFETCH(QString, text);
    QFETCH(YamlScalar::Type, type);
    QCOMPARE(YamlScalar::resolvePlain(text), type);
}

void tst_YamlScalar::honoursQuotesAndTags()
{
    const YAML::Node node = YAML::Load("a: '4.18'\nb: \"true\"\nc: !!str 12\nd: !!int '12'\ne: 4.18\nf: ~\n");
    QCOMPARE(YamlScalar::resolve(node["a"]), YamlScalar::Type::String);
    QCOMPARE(YamlScalar::resolve(node["b"]), YamlScalar::Type::String);
    QCOMPARE(YamlScalar::resolve(node["c"]), YamlScalar::Type::String);
    QCOMPARE(YamlScalar::resolve(node["d"]), YamlScalar::Type::Int);
    QCOMPARE(YamlScalar::resolve(node["e"]), YamlScalar::Type::Float);
    QCOMPARE(YamlScalar::resolve(node["f"]), YamlScalar::Type::Null);
    QCOMPARE(YamlScalar::describe(node["e"]), QStringLiteral("the number 4.18"));
    QCOMPARE(YamlScalar::describe(node["a"]), QStringLiteral("the string \"4.18\""));
    QCOMPARE(YamlScalar::toInt(QStringLiteral("0x10")), 16);
    QCOMPARE(YamlScalar::toInt(QStringLiteral("-0o10")), -8);
    QCOMPARE(YamlScalar::toBool(QStringLiteral("ON")), true);
    QCOMPARE(YamlScalar::toBool(QStringLiteral("maybe")), std::nullopt);
}

void tst_YamlScalar::quotedReadsBackAsTheSameString_data()
{
    QTest::addColumn<QString>("text");
    const QStringList samples = {
        QStringLiteral("plain"),       QStringLiteral("4.18"),
        QStringLiteral("4.18.1"),      QStringLiteral("yes"),
        QStringLiteral("~"),           QString(),
        QStringLiteral("-v9"),         QStringLiteral("a: b"),
        QStringLiteral("a #b"),        QStringLiteral("'quoted'"),
        QStringLiteral("\"dq\""),      QStringLiteral("{.spec[*].image}"),
        QStringLiteral("[x]"),         QStringLiteral("trailing "),
        QStringLiteral(" leading"),    QStringLiteral("tab\there"),
        QStringLiteral("line\nbreak"), QStringLiteral("back\\slash"),
        QStringLiteral("ends:"),       QStringLiteral("@at"),
        QStringLiteral("%pct"),        QStringLiteral("*star"),
        QStringLiteral("&amp"),        QStringLiteral("!bang"),
        QStringLiteral("|pipe"),       QStringLiteral(">gt"),
        QStringLiteral("`tick"),       QStringLiteral("?q"),
        QStringLiteral(",comma"),      QStringLiteral("caf\u00e9"),
        QStringLiteral("0x1F"),        QStringLiteral(".inf"),
        QStringLiteral("a'b"),         QStringLiteral("docker://quay.io/a/b@sha256:0f6e"),
    };
    for (const QString &sample : samples)
        QTest::newRow(qUtf8Printable(QStringLiteral("[") + sample + QStringLiteral("]"))) << sample;
}

void tst_YamlScalar::quotedReadsBackAsTheSameString()
{
    QFETCH(QString, text);
    const QString yaml = QStringLiteral("k: ") + YamlScalar::quoted(text) + QLatin1Char('\n');
    const YAML::Node node = YAML::Load(yaml.toStdString());
    QCOMPARE(YamlScalar::resolve(node["k"]), YamlScalar::Type::String);
    QCOMPARE(QString::fromStdString(node["k"].Scalar()), text);
}

QTEST_GUILESS_MAIN(tst_YamlScalar)
#include "tst_yamlscalar.moc"
