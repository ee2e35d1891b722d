// SPDX-License-Identifier: GPL-3.0-or-later
#include "hcl/HclAst.h"

namespace EnvDeck::Hcl {

namespace {

void takeChildren(std::vector<TemplatePart> &parts, std::vector<ExpressionPtr> &out);

void takeSteps(std::vector<TraversalStep> &steps, std::vector<ExpressionPtr> &out)
{
    for (TraversalStep &step : steps) {
        if (step.index)
            out.push_back(std::move(step.index));
    }
}

void takeChildren(std::vector<TemplatePart> &parts, std::vector<ExpressionPtr> &out)
{
    for (TemplatePart &part : parts) {
        if (part.expr)
            out.push_back(std::move(part.expr));
        takeChildren(part.body, out); // bounded by the parser's nesting limit
        takeChildren(part.elseBody, out);
    }
}

void add(std::vector<ExpressionPtr> &out, ExpressionPtr &ptr)
{
    if (ptr)
        out.push_back(std::move(ptr));
}

void takeChildren(Expression &expr, std::vector<ExpressionPtr> &out)
{
    std::visit(
        [&out](auto &node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, TemplateExpr>) {
                takeChildren(node.parts, out);
            } else if constexpr (std::is_same_v<T, TupleExpr>) {
                for (ExpressionPtr &item : node.items)
                    add(out, item);
            } else if constexpr (std::is_same_v<T, ObjectExpr>) {
                for (ObjectItem &item : node.items) {
                    add(out, item.key);
                    add(out, item.value);
                }
            } else if constexpr (std::is_same_v<T, VariableExpr>) {
                takeSteps(node.steps, out);
            } else if constexpr (std::is_same_v<T, TraversalExpr>) {
                add(out, node.source);
                takeSteps(node.steps, out);
            } else if constexpr (std::is_same_v<T, FunctionCallExpr>) {
                for (ExpressionPtr &arg : node.args)
                    add(out, arg);
            } else if constexpr (std::is_same_v<T, ForExpr>) {
                add(out, node.collection);
                add(out, node.keyExpr);
                add(out, node.valueExpr);
                add(out, node.condition);
            } else if constexpr (std::is_same_v<T, ConditionalExpr>) {
                add(out, node.condition);
                add(out, node.trueResult);
                add(out, node.falseResult);
            } else if constexpr (std::is_same_v<T, BinaryExpr>) {
                add(out, node.lhs);
                add(out, node.rhs);
            } else if constexpr (std::is_same_v<T, UnaryExpr>) {
                add(out, node.operand);
            } else if constexpr (std::is_same_v<T, ParenthesesExpr>) {
                add(out, node.inner);
            }
        },
        expr.node);
}

} // namespace

Expression::~Expression()
{
    std::vector<ExpressionPtr> pending;
    takeChildren(*this, pending);
    while (!pending.empty()) {
        ExpressionPtr child = std::move(pending.back());
        pending.pop_back();
        takeChildren(*child, pending);
        // child's destructor now finds no children: no recursion
    }
}

} // namespace EnvDeck::Hcl
