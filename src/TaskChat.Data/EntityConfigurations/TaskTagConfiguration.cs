using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class TaskTagConfiguration : IEntityTypeConfiguration<TaskTag>
{
    public void Configure(EntityTypeBuilder<TaskTag> tag)
    {
        tag.ToTable("task_tags");
        tag.HasKey(g => new { g.TaskId, g.Name });
        tag.Property(g => g.Name).HasMaxLength(FieldLimits.TaskTag);
    }
}
