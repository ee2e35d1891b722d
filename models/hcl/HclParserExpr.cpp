// SPDX-License-Identifier: GPL-3.0-or-later
// Expressions: precedence climbing for binary operators (loops, not one function per level),
// every way into a nested expression counted against MaxNestingDepth.
#include "hcl/HclParserPrivate.h"

namespace EnvDeck::Hcl {

namespace {

// Binding strength of a binary operator token, 0 for none. Higher binds tighter.
int binaryLevel(TokenType type, BinaryOp &op)
{
    switch (type) {
    case TokenType::Or:
        op = BinaryOp::Or;
        return 1;
    case TokenType::And:
        op = BinaryOp::And;
        return 2;
    case TokenType::EqualOp:
        op = BinaryOp::Equal;
        return 3;
    case TokenType::NotEqual:
        op = BinaryOp::NotEqual;
        return 3;
    case TokenType::Less:
        op = BinaryOp::Less;
        return 4;
    case TokenType::LessEqual:
        op = BinaryOp::LessEqual;
        return 4;
    case TokenType::Greater:
        op = BinaryOp::Greater;
        return 4;
    case TokenType::GreaterEqual:
        op = BinaryOp::GreaterEqual;
        return 4;
    case TokenType::Plus:
        op = BinaryOp::Add;
        return 5;
    case TokenType::Minus:
        op = BinaryOp::Subtract;
        return 5;
    case TokenType::Star:
        op = BinaryOp::Multiply;
        return 6;
    case TokenType::Slash:
        op = BinaryOp::Divide;
        return 6;
    case TokenType::Percent:
        op = BinaryOp::Modulo;
        return 6;
    default:
        return 0;
    }
}

} // namespace

ExpressionPtr Parser::makeInvalid(const Position &start)
{
    auto expr = std::make_unique<Expression>();
    expr->range = Range{start, start.offset <= m_lastEnd.offset ? m_lastEnd : start};
    expr->node = InvalidExpr{};
    return expr;
}

ExpressionPtr Parser::parseExpression()
{
    DepthGuard depth(*this);
    const Token &first = peek();
    if (!enterNesting(first))
        return makeInvalid(first.range.start);
    const Position start = first.range.start;
    ExpressionPtr condition = parseBinary(1);
    if (peek().type != TokenType::Question)
        return condition;
    next();
    ConditionalExpr conditional;
    conditional.condition = std::move(condition);
    conditional.trueResult = parseExpression();
    if (!accept(TokenType::Colon)) {
        errorExpected(QByteArrayLiteral("':' in the conditional expression"));
        return make(start, std::move(conditional));
    }
    conditional.falseResult = parseExpression();
    return make(start, std::move(conditional));
}

ExpressionPtr Parser::parseBinary(int minLevel)
{
    const Position start = peek().range.start;
    ExpressionPtr lhs = parseUnary();
    while (true) {
        BinaryOp op{};
        const Token &token = peek();
        const int level = binaryLevel(token.type, op);
        if (level == 0 || level < minLevel || m_recovering)
            return lhs;
        next();
        BinaryExpr binary;
        binary.op = op;
        binary.opRange = token.range;
        binary.lhs = std::move(lhs);
        binary.rhs = parseBinary(level + 1); // left-associative
        lhs = make(start, std::move(binary));
    }
}

ExpressionPtr Parser::parseUnary()
{
    const Token &token = peek();
    if (token.type != TokenType::Bang && token.type != TokenType::Minus)
        return parsePostfix(parsePrimary());
    DepthGuard depth(*this);
    if (!enterNesting(token))
        return makeInvalid(token.range.start);
    next();
    UnaryExpr unary;
    unary.op = token.type == TokenType::Bang ? UnaryOp::Not : UnaryOp::Negate;
    unary.operand = parseUnary();
    return make(token.range.start, std::move(unary));
}

ExpressionPtr Parser::parsePrimary()
{
    const Token &token = peek();
    const Position start = token.range.start;
    switch (token.type) {
    case TokenType::Number: {
        next();
        LiteralExpr literal;
        literal.type = LiteralExpr::Type::Number;
        literal.text = text(token);
        return make(start, std::move(literal));
    }
    case TokenType::Identifier: {
        const bool isTrue = isKeyword(token, "true");
        if (isTrue || isKeyword(token, "false") || isKeyword(token, "null")) {
            next();
            LiteralExpr literal;
            literal.type
                = isKeyword(token, "null") ? LiteralExpr::Type::Null : LiteralExpr::Type::Bool;
            literal.boolValue = isTrue;
            literal.text = text(token);
            return make(start, std::move(literal));
        }
        const TokenType after = peekAfter().type;
        if (after == TokenType::OParen || after == TokenType::DoubleColon)
            return parseFunctionCall();
        next();
        VariableExpr variable;
        variable.name = text(token);
        variable.nameRange = token.range;
        return make(start, std::move(variable));
    }
    case TokenType::OQuote:
        return parseTemplate(TokenType::CQuote);
    case TokenType::OHeredoc:
        return parseTemplate(TokenType::CHeredoc);
    case TokenType::OParen: {
        next();
        NewlineScope scope(*this, false);
        ParenthesesExpr parens;
        parens.inner = parseExpression();
        if (!accept(TokenType::CParen))
            errorExpected(QByteArrayLiteral("')'"));
        return make(start, std::move(parens));
    }
    case TokenType::OBrack:
        return parseTuple();
    case TokenType::OBrace:
        return parseObject();
    default:
        errorExpected(QByteArrayLiteral("an expression"));
        return makeInvalid(start);
    }
}

// Appends one step (.name, .0, .*, [expr], [*]) when the next token starts one.
bool Parser::parseTraversalStep(std::vector<TraversalStep> &steps)
{
    const Token &token = peek();
    if (steps.empty())
        steps.reserve(2); // var.name, aws_instance.web.id: one allocation for most
    if (token.type == TokenType::Dot) {
        next();
        const Token &what = peek();
        TraversalStep step;
        if (what.type == TokenType::Identifier) {
            next();
            step.kind = TraversalStep::Kind::Attr;
            step.name = text(what);
        } else if (what.type == TokenType::Star) {
            next();
            step.kind = TraversalStep::Kind::AttrSplat;
        } else if (what.type == TokenType::Number) {
            next();
            // `a.0.1` arrives as the number "0.1": two legacy index steps.
            const QByteArray digits = text(what);
            for (const QByteArray &part : digits.split('.')) {
                bool allDigits = !part.isEmpty();
                for (char c : part)
                    allDigits = allDigits && c >= '0' && c <= '9';
                if (!allDigits) {
                    errorAt(what, "invalid index " + describe(what) + " after '.'");
                    return false;
                }
                TraversalStep legacy;
                legacy.kind = TraversalStep::Kind::LegacyIndex;
                legacy.name = part;
                legacy.range = Range{token.range.start, what.range.end};
                steps.push_back(std::move(legacy));
            }
            return true;
        } else {
            errorExpected(QByteArrayLiteral("an attribute name, an index or '*' after '.'"));
            return false;
        }
        step.range = Range{token.range.start, m_lastEnd};
        steps.push_back(std::move(step));
        return true;
    }
    if (token.type == TokenType::OBrack) {
        next();
        NewlineScope scope(*this, false);
        TraversalStep step;
        if (peek().type == TokenType::Star && peekAfter().type == TokenType::CBrack) {
            next();
            next();
            step.kind = TraversalStep::Kind::FullSplat;
        } else {
            step.kind = TraversalStep::Kind::Index;
            step.index = parseExpression();
            if (!accept(TokenType::CBrack)) {
                errorExpected(QByteArrayLiteral("']' to close the index"));
                return false;
            }
        }
        step.range = Range{token.range.start, m_lastEnd};
        steps.push_back(std::move(step));
        return true;
    }
    return false;
}

ExpressionPtr Parser::parsePostfix(ExpressionPtr expr)
{
    while (!m_recovering) {
        const TokenType type = peek().type;
        if (type != TokenType::Dot && type != TokenType::OBrack)
            break;
        std::vector<TraversalStep> *steps = nullptr;
        if (auto *variable = expr->as<VariableExpr>()) {
            steps = &variable->steps;
        } else if (auto *traversal = expr->as<TraversalExpr>()) {
            steps = &traversal->steps;
        } else {
            const Position start = expr->range.start;
            TraversalExpr wrapper;
            wrapper.source = std::move(expr);
            expr = make(start, std::move(wrapper));
            steps = &expr->as<TraversalExpr>()->steps;
        }
        const bool ok = parseTraversalStep(*steps);
        expr->range.end = m_lastEnd;
        if (!ok)
            break;
    }
    return expr;
}

ExpressionPtr Parser::parseFunctionCall()
{
    const Token &name = next();
    FunctionCallExpr call;
    call.name = text(name);
    call.nameRange = name.range;
    // A provider function, `provider::aws::arn_parse(x)`: like HCL, one name made of the
    // namespaces and the function, joined by `::`.
    while (peek().type == TokenType::DoubleColon) {
        next();
        if (peek().type != TokenType::Identifier) {
            errorExpected(QByteArrayLiteral("a function name after '::'"));
            return make(name.range.start, std::move(call));
        }
        const Token &part = next();
        call.name += QByteArrayLiteral("::") + text(part);
        call.nameRange.end = part.range.end;
    }
    if (peek().type != TokenType::OParen) {
        errorExpected("'(' after the function name '" + call.name + '\'');
        return make(name.range.start, std::move(call));
    }
    const Token &open = next(); // (
    NewlineScope scope(*this, false);
    while (peek().type != TokenType::CParen) {
        call.args.push_back(parseExpression());
        if (m_recovering)
            return make(name.range.start, std::move(call));
        if (accept(TokenType::Ellipsis)) {
            call.expandFinal = true;
            if (peek().type != TokenType::CParen) {
                errorExpected(QByteArrayLiteral("')' after '...'"));
                return make(name.range.start, std::move(call));
            }
            break;
        }
        if (!accept(TokenType::Comma) && peek().type != TokenType::CParen) {
            errorExpected("',' or ')' in the arguments of '" + call.name + "' (opened at "
                          + positionText(open.range.start) + ')');
            return make(name.range.start, std::move(call));
        }
    }
    next();
    return make(name.range.start, std::move(call));
}

ExpressionPtr Parser::parseTuple()
{
    const Token &open = next();
    NewlineScope scope(*this, false);
    if (isKeyword(peek(), "for") && peekAfter().type == TokenType::Identifier)
        return parseFor(open, false);
    TupleExpr tuple;
    while (peek().type != TokenType::CBrack) {
        tuple.items.push_back(parseExpression());
        if (m_recovering)
            return make(open.range.start, std::move(tuple));
        if (!accept(TokenType::Comma) && peek().type != TokenType::CBrack) {
            errorExpected("',' or ']' in the list opened at " + positionText(open.range.start));
            return make(open.range.start, std::move(tuple));
        }
    }
    next();
    return make(open.range.start, std::move(tuple));
}

ExpressionPtr Parser::parseObject()
{
    const Token &open = next();
    NewlineScope scope(*this, true);
    {
        NewlineScope probe(*this, false);
        if (isKeyword(peek(), "for") && peekAfter().type == TokenType::Identifier)
            return parseFor(open, true);
    }
    ObjectExpr object;
    while (true) {
        while (peek().type == TokenType::Newline)
            next();
        if (peek().type == TokenType::CBrace)
            break;
        ObjectItem item;
        const Position itemStart = peek().range.start;
        {
            NewlineScope keyScope(*this, false);
            item.key = parseExpression();
        }
        if (m_recovering)
            return make(open.range.start, std::move(object));
        if (const auto *variable = item.key->as<VariableExpr>())
            item.bareKey = variable->steps.empty();
        if (peek().type == TokenType::Assign || peek().type == TokenType::Colon) {
            item.colon = next().type == TokenType::Colon;
        } else {
            errorExpected(QByteArrayLiteral("'=' or ':' after the object key"));
            return make(open.range.start, std::move(object));
        }
        item.value = parseExpression();
        item.range = Range{itemStart, m_lastEnd};
        object.items.push_back(std::move(item));
        if (m_recovering)
            return make(open.range.start, std::move(object));
        const TokenType separator = peek().type;
        if (separator == TokenType::Comma || separator == TokenType::Newline) {
            next();
        } else if (separator != TokenType::CBrace) {
            errorExpected("',', a newline or '}' in the object opened at "
                          + positionText(open.range.start));
            return make(open.range.start, std::move(object));
        }
    }
    next();
    return make(open.range.start, std::move(object));
}

// At `for` after `[` or `{`.
ExpressionPtr Parser::parseFor(const Token &open, bool object)
{
    NewlineScope scope(*this, false);
    next(); // for
    ForExpr forExpr;
    forExpr.object = object;
    const TokenType closing = object ? TokenType::CBrace : TokenType::CBrack;
    auto fail = [&](const QByteArray &what) {
        errorExpected(what);
        return make(open.range.start, std::move(forExpr));
    };
    forExpr.valueVar = text(next());
    if (accept(TokenType::Comma)) {
        if (peek().type != TokenType::Identifier)
            return fail(QByteArrayLiteral("a value variable name after ','"));
        forExpr.keyVar = forExpr.valueVar;
        forExpr.valueVar = text(next());
    }
    if (!isKeyword(peek(), "in"))
        return fail(QByteArrayLiteral("'in' in the 'for' expression"));
    next();
    forExpr.collection = parseExpression();
    if (!accept(TokenType::Colon))
        return fail(QByteArrayLiteral("':' after the collection of the 'for' expression"));
    if (object) {
        forExpr.keyExpr = parseExpression();
        if (!accept(TokenType::FatArrow))
            return fail(QByteArrayLiteral("'=>' after the key of the 'for' expression"));
    }
    forExpr.valueExpr = parseExpression();
    if (object && accept(TokenType::Ellipsis))
        forExpr.grouping = true;
    if (isKeyword(peek(), "if")) {
        next();
        forExpr.condition = parseExpression();
    }
    if (!accept(closing))
        return fail(object ? QByteArrayLiteral("'}' to close the 'for' expression")
                           : QByteArrayLiteral("']' to close the 'for' expression"));
    return make(open.range.start, std::move(forExpr));
}

} // namespace EnvDeck::Hcl
