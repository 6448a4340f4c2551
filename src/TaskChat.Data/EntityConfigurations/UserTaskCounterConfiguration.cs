using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class UserTaskCounterConfiguration : IEntityTypeConfiguration<UserTaskCounter>
{
    public void Configure(EntityTypeBuilder<UserTaskCounter> counter)
    {
        counter.ToTable("user_task_counters");
        counter.HasKey(c => c.UserId);
        counter.Property(c => c.UserId).HasMaxLength(FieldLimits.UserId);
    }
}
