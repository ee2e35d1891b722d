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

namespace {

// How deep ~Expression may recurse before it switches to its explicit stack.
constexpr int MaxRecursiveDestruction = 64;
thread_local int t_destructionDepth = 0;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool CacheNodes = false; // let ASan see every node's lifetime
#else
constexpr bool CacheNodes = true;
#endif
constexpr int MaxCachedNodes = 4096;

// Freed nodes of this thread. A node may be freed on another thread than the one that made it:
// each node is its own block of the general allocator, so any thread may keep or release it.
struct NodeCache
{
    struct FreeNode
    {
        FreeNode *next;
    };
    FreeNode *head = nullptr;
    int count = 0;

    ~NodeCache()
    {
        while (head) {
            FreeNode *node = head;
            head = node->next;
            ::operator delete(node);
        }
        count = MaxCachedNodes; // nodes freed later in this thread's exit go straight back
    }
};
thread_local NodeCache t_nodes;

} // namespace

void *Expression::operator new(std::size_t size)
{
    if (CacheNodes && size == sizeof(Expression) && t_nodes.head) {
        NodeCache::FreeNode *node = t_nodes.head;
        t_nodes.head = node->next;
        --t_nodes.count;
        return node;
    }
    return ::operator new(size);
}

void Expression::operator delete(void *pointer) noexcept
{
    if (!pointer)
        return;
    if (CacheNodes && t_nodes.count < MaxCachedNodes) {
        auto *node = static_cast<NodeCache::FreeNode *>(pointer);
        node->next = t_nodes.head;
        t_nodes.head = node;
        ++t_nodes.count;
        return;
    }
    ::operator delete(pointer);
}

Expression::~Expression()
{
    if (t_destructionDepth < MaxRecursiveDestruction) {
        ++t_destructionDepth;
        node.emplace<InvalidExpr>(); // destroys the children now, one level deeper
        --t_destructionDepth;
        return;
    }
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
