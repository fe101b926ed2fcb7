namespace DualWrite.Core.Rows;

public enum ChangeOperation
{
    Create,
    Update,
    Delete,
}
