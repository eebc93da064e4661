#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Cloudcraft::Core {

/// What the bytes of one side of a comparison are, found from the content (never from a file name).
enum class DiffContent { Unknown, Png, Svg, Json };

/// What a comparison needs from a reference: a picture, or the document behind it.
enum class DiffWant { Image, Structure };

/// One side of a comparison before decoding: the raw bytes of a file or of a fetched reference.
/// Errors are data: `error` is one sentence that names `label` and the problem.
struct DiffSource
{
    QString label;          ///< as the user wrote it: a path or a reference such as "blueprint:<id>"
    DiffContent content = DiffContent::Unknown;
    QByteArray bytes;
    QString error;          ///< empty on success

    bool ok() const { return error.isEmpty(); }
    static DiffSource failure(const QString &label, const QString &sentence);
};

/// Turns one kind of reference ("blueprint:<id>", "aws:<account>/<region>", later "snapshot:<id>") into bytes.
/// Implementations live next to what they read (the API, the snapshot history) and are registered with a
/// DiffSourceRegistry by the composition root.
class DiffSourceResolver
{
public:
    using Done = std::function<void(DiffSource)>;

    virtual ~DiffSourceResolver() = default;
    /// The part before the colon, lower case: "blueprint".
    virtual QString scheme() const = 0;
    /// How a reference is written, for help and error sentences: "blueprint:<id>".
    virtual QString syntax() const = 0;
    /// Starts fetching `reference` (the whole text, scheme included) as `want`. `done` is called exactly once,
    /// possibly before fetch() returns, with bytes whose content matches `want` or with an error.
    virtual void fetch(const QString &reference, DiffWant want, Done done) = 0;
};

/// The reference schemes a diff understands. Anything that is not `<registered scheme>:...` is a file path.
class DiffSourceRegistry final
{
public:
    DiffSourceRegistry() = default;
    DiffSourceRegistry(const DiffSourceRegistry &) = delete;
    DiffSourceRegistry &operator=(const DiffSourceRegistry &) = delete;

    /// A later resolver for the same scheme replaces the earlier one.
    void add(std::unique_ptr<DiffSourceResolver> resolver);
    /// The resolver for `text`'s scheme, or nullptr when `text` is a file path.
    DiffSourceResolver *resolverFor(const QString &text) const;
    bool isReference(const QString &text) const { return resolverFor(text) != nullptr; }
    /// "blueprint:<id>", "aws:<account>/<region>", ... in registration order.
    QStringList syntaxes() const;

    /// The scheme-like prefix of `text` ("foo" for "foo:bar"), or "" when it has none. One letter is not a scheme,
    /// so "C:\\x.png" stays a path.
    static QString schemeOf(const QString &text);

private:
    std::vector<std::unique_ptr<DiffSourceResolver>> m_resolvers;
};

} // namespace Cloudcraft::Core
