namespace ValuePool.Core.Configuration;

/// <summary>Regional agent levels (区代/市代/省代); the value is the number of region parts.</summary>
public enum AgentLevel
{
    Province = 1,
    City = 2,
    District = 3,
}
