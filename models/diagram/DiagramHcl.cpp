// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagramHcl.h"

namespace EnvDeck::Diagram::HclWalk {
namespace {

void walkParts(const std::vector<Hcl::TemplatePart> &parts, const Context &context,
               const Visitor &visit)
{
    for (const Hcl::TemplatePart &part : parts) {
        if (part.expr)
            walkExpression(*part.expr, context, visit);
        walkParts(part.body, context, visit);
        walkParts(part.elseBody, context, visit);
    }
}

void walkSteps(const std::vector<Hcl::TraversalStep> &steps, const Context &context,
               const Visitor &visit)
{
    for (const Hcl::TraversalStep &step : steps) {
        if (step.index)
            walkExpression(*step.index, context, visit);
    }
}

void walkBody(const Hcl::Body &body, const Hcl::Block *top, const Visitor &visit)
{
    for (const Hcl::BodyItem &item : body.items) {
        if (const Hcl::Attribute *attribute = item.attribute()) {
            if (attribute->expr)
                walkExpression(*attribute->expr, Context{top, attribute->name}, visit);
        } else if (const Hcl::Block *block = item.block()) {
            walkBody(block->body, top ? top : block, visit);
        }
    }
}

} // namespace

void walk(const Hcl::File &file, const Visitor &visit)
{
    walkBody(file.body, nullptr, visit);
}

void walkExpression(const Hcl::Expression &expression, const Context &context, const Visitor &visit)
{
    visit(expression, context);
    const auto sub = [&](const Hcl::ExpressionPtr &child) {
        if (child)
            walkExpression(*child, context, visit);
    };
    if (const auto *t = expression.as<Hcl::TemplateExpr>()) {
        walkParts(t->parts, context, visit);
    } else if (const auto *tuple = expression.as<Hcl::TupleExpr>()) {
        for (const Hcl::ExpressionPtr &item : tuple->items)
            sub(item);
    } else if (const auto *object = expression.as<Hcl::ObjectExpr>()) {
        for (const Hcl::ObjectItem &item : object->items) {
            if (!item.bareKey)
                sub(item.key);
            sub(item.value);
        }
    } else if (const auto *variable = expression.as<Hcl::VariableExpr>()) {
        walkSteps(variable->steps, context, visit);
    } else if (const auto *traversal = expression.as<Hcl::TraversalExpr>()) {
        sub(traversal->source);
        walkSteps(traversal->steps, context, visit);
    } else if (const auto *call = expression.as<Hcl::FunctionCallExpr>()) {
        for (const Hcl::ExpressionPtr &argument : call->args)
            sub(argument);
    } else if (const auto *loop = expression.as<Hcl::ForExpr>()) {
        sub(loop->collection);
        sub(loop->keyExpr);
        sub(loop->valueExpr);
        sub(loop->condition);
    } else if (const auto *conditional = expression.as<Hcl::ConditionalExpr>()) {
        sub(conditional->condition);
        sub(conditional->trueResult);
        sub(conditional->falseResult);
    } else if (const auto *binary = expression.as<Hcl::BinaryExpr>()) {
        sub(binary->lhs);
        sub(binary->rhs);
    } else if (const auto *unary = expression.as<Hcl::UnaryExpr>()) {
        sub(unary->operand);
    } else if (const auto *parentheses = expression.as<Hcl::ParenthesesExpr>()) {
        sub(parentheses->inner);
    }
}

QByteArray referencedModule(const Hcl::Expression &expression)
{
    const auto *variable = expression.as<Hcl::VariableExpr>();
    if (!variable || variable->name != "module" || variable->steps.empty())
        return {};
    const Hcl::TraversalStep &first = variable->steps.front();
    if (first.kind != Hcl::TraversalStep::Kind::Attr)
        return {};
    return first.name;
}

QByteArray literalString(const Hcl::Expression &expression)
{
    const auto *t = expression.as<Hcl::TemplateExpr>();
    if (!t || t->heredoc)
        return {};
    QByteArray text("");
    for (const Hcl::TemplatePart &part : t->parts) {
        if (part.kind != Hcl::TemplatePart::Kind::Literal)
            return {};
        text += part.text;
    }
    return text;
}

const Hcl::Block *findTopBlock(const Hcl::File &file, const QByteArray &type,
                               const QByteArray &label)
{
    for (const Hcl::BodyItem &item : file.body.items) {
        const Hcl::Block *block = item.block();
        if (block && block->type == type && !block->labels.empty()
            && block->labels.front().value == label)
            return block;
    }
    return nullptr;
}

const Hcl::Attribute *findAttribute(const Hcl::Body &body, const QByteArray &name)
{
    for (const Hcl::BodyItem &item : body.items) {
        const Hcl::Attribute *attribute = item.attribute();
        if (attribute && attribute->name == name)
            return attribute;
    }
    return nullptr;
}

} // namespace EnvDeck::Diagram::HclWalk
