#include "authchallenge.h"

namespace {

// RFC 7230 tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken68Char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '+' || c == '/';
}

class Parser
{
public:
    explicit Parser(const QByteArray &text)
        : m_text(text)
    {
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek(qsizetype ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : '\0'; }
    qsizetype position() const { return m_pos; }
    void setPosition(qsizetype pos) { m_pos = pos; }

    void skipSpaces()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_pos;
    }
    void skipSpacesAndCommas()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ','))
            ++m_pos;
    }
    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    // RFC 7235 wants a token here; some servers send unquoted URLs, so accept anything up to a separator.
    QByteArray bareValue()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && peek() != ',' && peek() != ' ' && peek() != '\t' && peek() != '"')
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    // At the opening quote; false when the closing quote is missing.
    bool quotedString(QByteArray *value)
    {
        ++m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c == '\\') {
                ++m_pos;
                if (atEnd())
                    return false;
            }
            value->append(peek());
            ++m_pos;
        }
        return false;
    }
    // A token68 at the current position followed by the end of the challenge, or an empty result.
    QByteArray token68()
    {
        const qsizetype start = m_pos;
        qsizetype pos = m_pos;
        while (pos < m_text.size() && isToken68Char(m_text.at(pos)))
            ++pos;
        if (pos == start)
            return {};
        while (pos < m_text.size() && m_text.at(pos) == '=')
            ++pos;
        qsizetype after = pos;
        while (after < m_text.size() && (m_text.at(after) == ' ' || m_text.at(after) == '\t'))
            ++after;
        if (after < m_text.size() && m_text.at(after) != ',')
            return {};
        m_pos = pos;
        return m_text.mid(start, pos - start);
    }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

} // namespace

QList<AuthChallenge> AuthChallenge::parse(const QByteArray &headerValue, QString *error)
{
    auto fail = [&](qsizetype pos, const QString &what) {
        if (error)
            *error = QStringLiteral("malformed WWW-Authenticate header at character %1: %2").arg(pos + 1).arg(what);
        return QList<AuthChallenge>();
    };
    QList<AuthChallenge> challenges;
    Parser parser(headerValue);
    parser.skipSpacesAndCommas();
    while (!parser.atEnd()) {
        AuthChallenge challenge;
        const QByteArray scheme = parser.token();
        if (scheme.isEmpty())
            return fail(parser.position(), QStringLiteral("expected an authentication scheme"));
        challenge.m_scheme = QString::fromLatin1(scheme).toLower();
        const qsizetype afterScheme = parser.position();
        parser.skipSpaces();
        if (!parser.atEnd() && parser.peek() != ',' && parser.position() == afterScheme)
            return fail(parser.position(), QStringLiteral("expected a space after the scheme"));

        // token68 form: "Negotiate abc==".
        const qsizetype beforeParameters = parser.position();
        const QByteArray name = parser.token();
        parser.skipSpaces();
        const bool isParameter = !name.isEmpty() && parser.peek() == '=' && parser.peek(1) != '=' &&
                                 parser.peek(1) != ',' && parser.peek(1) != '\0';
        parser.setPosition(beforeParameters);
        if (!isParameter) {
            const QByteArray token68 = parser.token68();
            challenge.m_token68 = QString::fromLatin1(token68);
            challenges << challenge;
            parser.skipSpacesAndCommas();
            continue;
        }

        // auth-params, separated by commas; a token not followed by '=' starts the next challenge.
        while (!parser.atEnd()) {
            const qsizetype start = parser.position();
            const QByteArray paramName = parser.token();
            parser.skipSpaces();
            if (paramName.isEmpty() || parser.peek() != '=') {
                if (paramName.isEmpty())
                    return fail(parser.position(), QStringLiteral("expected a parameter name"));
                parser.setPosition(start);
                break;
            }
            parser.setPosition(parser.position() + 1);
            parser.skipSpaces();
            QByteArray value;
            if (parser.peek() == '"') {
                if (!parser.quotedString(&value))
                    return fail(parser.position(), QStringLiteral("unterminated quoted string"));
            } else {
                value = parser.bareValue();
                if (value.isEmpty())
                    return fail(
                        parser.position(),
                        QStringLiteral("expected a value for parameter \"%1\"").arg(QString::fromLatin1(paramName)));
            }
            challenge.m_parameters.insert(QString::fromLatin1(paramName).toLower(), QString::fromUtf8(value));
            parser.skipSpaces();
            if (parser.atEnd())
                break;
            if (parser.peek() != ',')
                return fail(parser.position(), QStringLiteral("expected a comma between parameters"));
            parser.skipSpacesAndCommas();
        }
        challenges << challenge;
        parser.skipSpacesAndCommas();
    }
    if (challenges.isEmpty())
        return fail(0, QStringLiteral("no challenge"));
    return challenges;
}

QList<AuthChallenge> AuthChallenge::parse(const QList<QByteArray> &headerValues, QString *error)
{
    QList<AuthChallenge> all;
    for (const QByteArray &value : headerValues) {
        const QList<AuthChallenge> challenges = parse(value, error);
        if (challenges.isEmpty())
            return {};
        all << challenges;
    }
    return all;
}

QString AuthChallenge::parameter(const QString &name) const
{
    return m_parameters.value(name.toLower());
}

bool AuthChallenge::hasParameter(const QString &name) const
{
    return m_parameters.contains(name.toLower());
}

QStringList AuthChallenge::scopes() const
{
    return parameter(QStringLiteral("scope")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
