#include "helmjsonpath.h"

#include <yaml-cpp/yaml.h>

std::optional<HelmJsonPath> HelmJsonPath::parse(const QString &expression, QString *error)
{
    const auto failure = [&](const QString &what) -> std::optional<HelmJsonPath> {
        if (error)
            *error = QStringLiteral("image path \"") + expression + QStringLiteral("\": ") + what;
        return std::nullopt;
    };
    QString text = expression.trimmed();
    if (text.startsWith(QLatin1Char('{'))) {
        if (!text.endsWith(QLatin1Char('}')))
            return failure(QStringLiteral("expected a closing '}'"));
        text = text.mid(1, text.size() - 2).trimmed();
    }
    if (text.startsWith(QLatin1Char('$')))
        text.remove(0, 1);
    if (text.isEmpty())
        return failure(QStringLiteral("expected a path such as {.spec.containers[*].image}"));
    HelmJsonPath path;
    path.m_expression = expression;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('.')) {
            ++i;
            if (i < text.size() && text.at(i) == QLatin1Char('.'))
                return failure(QStringLiteral("recursive descent (..) is not supported"));
            qsizetype end = i;
            while (end < text.size() && text.at(end) != QLatin1Char('.') && text.at(end) != QLatin1Char('['))
                ++end;
            if (end == i)
                return failure(QStringLiteral("expected a field name after '.' at position ") + QString::number(i));
            path.m_steps.append({Step::Kind::Field, text.mid(i, end - i), 0});
            i = end;
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = text.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return failure(QStringLiteral("expected ']' after position ") + QString::number(i));
            const QString inner = text.mid(i + 1, close - i - 1).trimmed();
            if (inner == QLatin1String("*")) {
                path.m_steps.append({Step::Kind::Wildcard, {}, 0});
            } else if (inner.size() >= 2 &&
                       ((inner.startsWith(QLatin1Char('\'')) && inner.endsWith(QLatin1Char('\''))) ||
                        (inner.startsWith(QLatin1Char('"')) && inner.endsWith(QLatin1Char('"'))))) {
                path.m_steps.append({Step::Kind::Field, inner.mid(1, inner.size() - 2), 0});
            } else {
                bool ok = false;
                const int index = inner.toInt(&ok);
                if (!ok || index < 0)
                    return failure(QStringLiteral("unsupported subscript [") + inner +
                                   QStringLiteral("]: expected [*], [N] or ['name']"));
                path.m_steps.append({Step::Kind::Index, {}, index});
            }
            i = close + 1;
        } else if (i == 0) {
            // "spec.containers" without the leading dot is accepted as kubectl does.
            text.prepend(QLatin1Char('.'));
        } else {
            return failure(QStringLiteral("unexpected '") + c + QStringLiteral("' at position ") + QString::number(i));
        }
    }
    return path;
}

QStringList HelmJsonPath::evaluate(const YAML::Node &document) const
{
    QList<YAML::Node> current{document};
    for (const Step &step : m_steps) {
        QList<YAML::Node> next;
        for (const YAML::Node &node : std::as_const(current)) {
            switch (step.kind) {
            case Step::Kind::Field:
                if (node.IsMap()) {
                    const YAML::Node child = node[step.field.toStdString()];
                    if (child)
                        next.append(child);
                }
                break;
            case Step::Kind::Wildcard:
                if (node.IsSequence()) {
                    for (const auto &child : node)
                        next.append(child);
                } else if (node.IsMap()) {
                    for (const auto &child : node)
                        next.append(child.second);
                }
                break;
            case Step::Kind::Index:
                if (node.IsSequence() && std::size_t(step.index) < node.size())
                    next.append(node[std::size_t(step.index)]);
                break;
            }
        }
        current = next;
    }
    QStringList values;
    for (const YAML::Node &node : std::as_const(current)) {
        if (node.IsScalar())
            values.append(QString::fromStdString(node.Scalar()));
    }
    return values;
}
