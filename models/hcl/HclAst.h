// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The syntax tree of HCL2's native syntax (hashicorp/hcl, hclsyntax/spec.md), as written: nothing
// is evaluated. Every node keeps its Range, so its exact source text is
//     source.mid(range.start.offset, range.end.offset - range.start.offset)
// Names and decoded text are UTF-8 QByteArrays: no QString is built while parsing.
// The tree is move-only (children are owned through std::unique_ptr).

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <memory>
#include <variant>
#include <vector>

namespace EnvDeck::Hcl {

// A place in the source. offset is a byte offset into the source given to parse(); line and
// column are 1-based. column counts Unicode code points (not bytes) from the start of the line,
// like HCL does; a UTF-8 byte order mark at the start of the file is not counted.
struct Position
{
    qsizetype offset = 0;
    int line = 1;
    int column = 1;

    friend bool operator==(const Position &, const Position &) = default;
};

// Half-open: end is the position just after the last byte.
struct Range
{
    Position start;
    Position end;

    qsizetype length() const { return end.offset - start.offset; }
    friend bool operator==(const Range &, const Range &) = default;
};

struct Expression;
using ExpressionPtr = std::unique_ptr<Expression>;

// ---- expressions -----------------------------------------------------------------------------

// A number (kept as its source text, e.g. "1.5e3"), true/false, or null.
struct LiteralExpr
{
    enum class Type { Number, Bool, Null };
    Type type = Type::Null;
    QByteArray text; // source text: "42", "true", "null"
    bool boolValue = false;
};

// A `~` strip marker on each side of a template sequence (`${~ x ~}`, `%{~ if c ~}`).
struct StripMarkers
{
    bool left = false;  // `${~` / `%{~`
    bool right = false; // `~}`
};

struct TemplatePart;

// One part of a quoted string or heredoc.
struct TemplatePart
{
    enum class Kind {
        Literal,       // text: escapes decoded (`\n`, `\u00e9`, `$${` -> `${`, `%%{` -> `%{`)
        Interpolation, // ${ expr }
        If,            // %{ if expr } body [%{ else } elseBody] %{ endif }
        For,           // %{ for keyVar, valueVar in expr } body %{ endfor }
    };
    Kind kind = Kind::Literal;
    Range
        range; // the whole part; for directives from `%{` of the opening tag to `}` of the end tag
    QByteArray text;    // Literal: decoded UTF-8 text
    ExpressionPtr expr; // Interpolation: the value; If: the condition; For: the collection
    QByteArray keyVar;  // For: empty when there is only a value variable
    QByteArray valueVar;
    std::vector<TemplatePart> body;     // If / For
    std::vector<TemplatePart> elseBody; // If
    bool hasElse = false;
    StripMarkers strip;     // Interpolation, or the opening tag of a directive
    StripMarkers elseStrip; // the %{else} tag
    StripMarkers endStrip;  // the %{endif} / %{endfor} tag
};

// A quoted string "..." or a heredoc <<EOT / <<-EOT.
struct TemplateExpr
{
    std::vector<TemplatePart> parts;
    bool heredoc = false;
    bool heredocStripIndent = false; // `<<-`: the literal texts have the common indent removed
    QByteArray heredocMarker;        // "EOT"
};

// [a, b, c]
struct TupleExpr
{
    std::vector<ExpressionPtr> items;
};

struct ObjectItem
{
    // A bare identifier key (`{ name = 1 }`) is a VariableExpr without steps and bareKey is true;
    // it means the string "name", not a variable.
    ExpressionPtr key;
    ExpressionPtr value;
    bool colon = false; // `key: value` instead of `key = value`
    bool bareKey = false;
    Range range;
};

// { key = value, key2: value2 }
struct ObjectExpr
{
    std::vector<ObjectItem> items;
};

struct TraversalStep
{
    enum class Kind {
        Attr,        // .name
        Index,       // [expr]
        LegacyIndex, // .0
        AttrSplat,   // .*   (following Attr/LegacyIndex steps apply to each element)
        FullSplat,   // [*]  (all following steps apply to each element)
    };
    Kind kind = Kind::Attr;
    QByteArray name;     // Attr: the name; LegacyIndex: the digits
    ExpressionPtr index; // Index
    Range range;
};

// A variable and what follows it: var.region, aws_instance.web[0].id, module.x.*.id
struct VariableExpr
{
    QByteArray name;
    Range nameRange;
    std::vector<TraversalStep> steps;
};

// Attribute access, index or splat applied to any other expression: (x)[0], [1, 2][0], f().a
struct TraversalExpr
{
    ExpressionPtr source;
    std::vector<TraversalStep> steps;
};

// name(args...) or name(args, list...)
struct FunctionCallExpr
{
    QByteArray name;
    Range nameRange;
    std::vector<ExpressionPtr> args;
    bool expandFinal = false; // the last argument was followed by `...`
};

// [for k, v in coll : v if cond]  /  {for k, v in coll : k => v... if cond}
struct ForExpr
{
    bool object = false;
    QByteArray keyVar; // empty when only a value variable is given
    QByteArray valueVar;
    ExpressionPtr collection;
    ExpressionPtr keyExpr; // object form only
    ExpressionPtr valueExpr;
    ExpressionPtr condition; // null without `if`
    bool grouping = false;   // object form: `...` after the value
};

// cond ? a : b
struct ConditionalExpr
{
    ExpressionPtr condition;
    ExpressionPtr trueResult;
    ExpressionPtr falseResult;
};

enum class BinaryOp {
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
};

struct BinaryExpr
{
    BinaryOp op = BinaryOp::Add;
    Range opRange;
    ExpressionPtr lhs;
    ExpressionPtr rhs;
};

enum class UnaryOp { Not, Negate };

struct UnaryExpr
{
    UnaryOp op = UnaryOp::Not;
    ExpressionPtr operand;
};

// ( expr )
struct ParenthesesExpr
{
    ExpressionPtr inner;
};

// Stands for an expression that could not be parsed; an error was reported for it.
struct InvalidExpr
{
};

struct Expression
{
    // The order of the alternatives matches Kind.
    enum class Kind {
        Literal,
        Template,
        Tuple,
        Object,
        Variable,
        Traversal,
        FunctionCall,
        For,
        Conditional,
        Binary,
        Unary,
        Parentheses,
        Invalid,
    };
    using Node = std::variant<LiteralExpr, TemplateExpr, TupleExpr, ObjectExpr, VariableExpr,
                              TraversalExpr, FunctionCallExpr, ForExpr, ConditionalExpr, BinaryExpr,
                              UnaryExpr, ParenthesesExpr, InvalidExpr>;

    Range range;
    Node node;

    Expression() = default;
    // A chain like `1 + 1 + 1 ...` a million operators long must not overflow the stack: below a
    // small depth children are destroyed recursively (no bookkeeping), deeper ones iteratively.
    ~Expression();
    Expression(Expression &&) = default;
    Expression &operator=(Expression &&) = default;

    // Parsing makes and drops nodes by the thousand: freed nodes are kept in a small per-thread
    // cache for the next ones (the general allocator is slow at this size).
    static void *operator new(std::size_t size);
    static void operator delete(void *pointer) noexcept;

    Kind kind() const { return static_cast<Kind>(node.index()); }
    template<typename T>
    const T *as() const
    {
        return std::get_if<T>(&node);
    }
    template<typename T>
    T *as()
    {
        return std::get_if<T>(&node);
    }
};

// ---- bodies ----------------------------------------------------------------------------------

struct BodyItem;

// Attributes and blocks in source order.
struct Body
{
    std::vector<BodyItem> items;
    Range range;
};

// name = expr
struct Attribute
{
    QByteArray name;
    Range nameRange;
    ExpressionPtr expr;
    Range range; // from the name to the end of the expression (the newline is not included)
};

struct BlockLabel
{
    QByteArray value; // decoded UTF-8 (escapes resolved for quoted labels)
    bool quoted = false;
    Range range; // quotes included
};

// type "label" ident { body }
struct Block
{
    QByteArray type;
    Range typeRange;
    std::vector<BlockLabel> labels;
    Body body;
    Range openBraceRange;
    Range closeBraceRange;
    Range range; // from the type to the closing brace
};

struct BodyItem
{
    std::variant<Attribute, Block> node;

    const Attribute *attribute() const { return std::get_if<Attribute>(&node); }
    const Block *block() const { return std::get_if<Block>(&node); }
    Range range() const
    {
        return std::visit([](const auto &item) { return item.range; }, node);
    }
};

// A whole file. body.range covers the whole source (the byte order mark excluded).
struct File
{
    QString fileName; // as given to parse()
    Body body;
};

} // namespace EnvDeck::Hcl
